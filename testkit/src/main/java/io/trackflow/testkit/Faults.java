package io.trackflow.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The faults a fake server injects: scripted ones (the next matching requests, in order), random
 * ones (each request rolls a seeded die), and a latency added to every request. Thread-safe.
 */
public final class Faults {

    private final List<Scripted> scripted = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Predicate<RecordedRequest> latencyFor = r -> true;
    private volatile double chance;
    private volatile List<Fault> randomChoices = List.of();
    private volatile Predicate<RecordedRequest> randomFor = r -> true;
    private Random random = new Random(0);
    private final List<Fault> injected = new CopyOnWriteArrayList<>();

    Faults() {}

    /**
     * Injects {@code fault} into the next request.
     *
     * @param fault the fault
     * @return this
     */
    public Faults next(Fault fault) {
        return inject(r -> true, fault, 1);
    }

    /**
     * Injects {@code fault} into the next {@code times} requests that match.
     *
     * @param when which requests
     * @param fault the fault
     * @param times how many times
     * @return this
     */
    public Faults inject(Predicate<RecordedRequest> when, Fault fault, int times) {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + times);
        }
        scripted.add(new Scripted(when, fault, times));
        return this;
    }

    /**
     * With probability {@code chance}, each request matching {@code when} gets one of {@code
     * choices}, drawn from a generator seeded with {@code seed} (repeatable for the same order of
     * requests).
     *
     * @param seed the seed
     * @param chance 0..1
     * @param when which requests may be hit
     * @param choices the faults to draw from
     * @return this
     */
    public synchronized Faults random(long seed, double chance, Predicate<RecordedRequest> when, Fault... choices) {
        if (chance < 0 || chance > 1) {
            throw new IllegalArgumentException("chance must be within 0..1, was " + chance);
        }
        this.random = new Random(seed);
        this.chance = chance;
        this.randomFor = Objects.requireNonNull(when, "when");
        this.randomChoices = List.of(choices);
        return this;
    }

    /**
     * Adds a latency to every request (0 to remove it).
     *
     * @param latency the delay
     * @return this
     */
    public Faults latency(Duration latency) {
        return latency(latency, r -> true);
    }

    /**
     * Adds a latency to the requests that match.
     *
     * @param latency the delay
     * @param when which requests
     * @return this
     */
    public Faults latency(Duration latency, Predicate<RecordedRequest> when) {
        this.latency = Objects.requireNonNull(latency, "latency");
        this.latencyFor = Objects.requireNonNull(when, "when");
        return this;
    }

    /** Removes every fault and the latency, and forgets the faults injected so far. */
    public synchronized Faults clear() {
        scripted.clear();
        injected.clear();
        latency = Duration.ZERO;
        chance = 0;
        randomChoices = List.of();
        return this;
    }

    /** The faults injected so far, in order. */
    public List<Fault> injected() {
        return List.copyOf(injected);
    }

    /** The latency for a request. */
    Duration latencyFor(RecordedRequest r) {
        return latency.isZero() || !latencyFor.test(r) ? Duration.ZERO : latency;
    }

    /** The fault to apply to a request, if any; consumes scripted faults. */
    synchronized Optional<Fault> take(RecordedRequest r) {
        for (Scripted s : new ArrayList<>(scripted)) {
            if (s.remaining > 0 && s.when.test(r)) {
                if (--s.remaining == 0) {
                    scripted.remove(s);
                }
                injected.add(s.fault);
                return Optional.of(s.fault);
            }
        }
        if (chance > 0 && !randomChoices.isEmpty() && randomFor.test(r) && random.nextDouble() < chance) {
            Fault f = randomChoices.get(random.nextInt(randomChoices.size()));
            injected.add(f);
            return Optional.of(f);
        }
        return Optional.empty();
    }

    private static final class Scripted {
        final Predicate<RecordedRequest> when;
        final Fault fault;
        int remaining;

        Scripted(Predicate<RecordedRequest> when, Fault fault, int times) {
            this.when = when;
            this.fault = fault;
            this.remaining = times;
        }
    }
}
