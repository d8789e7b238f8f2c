package io.trackflow.core.paging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Sinks;

/** A page, and how to tell its producer that it has been consumed. */
final class Chunk<T> {
    final Page<T> page;
    private final Sinks.@Nullable Empty<Void> consumed;

    Chunk(Page<T> page, Sinks.@Nullable Empty<Void> consumed) {
        this.page = Objects.requireNonNull(page);
        this.consumed = consumed;
    }

    void consumed() {
        if (consumed != null) {
            consumed.tryEmitEmpty();
        }
    }
}
