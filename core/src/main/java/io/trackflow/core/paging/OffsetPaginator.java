package io.trackflow.core.paging;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.DecodingException;
import io.trackflow.core.internal.Errors;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Turns a {@link PageFetcher} into listings: ordered, demand-driven, with bounded concurrency.
 *
 * <p>Rules (DESIGN §4): each page advances by the items actually returned, never by the limit
 * asked, since servers may clamp it. The listing stops at the total count, on an empty page, or (when
 * the server gives no total) on a page shorter than the page size the server says it applied. A server that clamps the
 * page size is detected on the first page (fewer items than asked while the total says more exist);
 * later pages are then asked at that size, and any page that still comes back short is completed by
 * further requests before the next page's items are emitted, so nothing is skipped. A page that does
 * not advance (it starts with the same item as the page before it) fails the listing with a {@link
 * DecodingException} rather than looping.
 *
 * <p>With the total known after the first page, later pages are fetched up to {@code concurrency} at
 * a time and emitted in order; fetching is driven by demand (the first page is fetched on the first
 * request, later ones only once items beyond the first page are requested), so memory stays bounded
 * by {@code (concurrency + 1)} pages. Every subscription starts afresh; cancelling stops fetches in
 * flight. An {@link ApiException} that ends a listing carries {@link ApiException#resumeCursor()}:
 * the position of the first item not emitted.
 *
 * @param <T> the item type
 */
public final class OffsetPaginator<T> {

  private final PageFetcher<T> fetcher;
  private final String fingerprint;

  private OffsetPaginator(PageFetcher<T> fetcher, String fingerprint) {
    this.fetcher = fetcher;
    this.fingerprint = fingerprint;
  }

  /**
   * Creates a paginator.
   *
   * @param fetcher fetches one page
   * @param fingerprint the fingerprint of the query, put in every cursor
   * @param <T> the item type
   * @return the paginator
   */
  public static <T> OffsetPaginator<T> of(PageFetcher<T> fetcher, String fingerprint) {
    Objects.requireNonNull(fetcher, "fetcher");
    PageCursor.of(0, Objects.requireNonNull(fingerprint, "fingerprint"));
    return new OffsetPaginator<>(fetcher, fingerprint);
  }

  /**
   * The items of {@code [start, end)} of the listing, in order.
   *
   * @param start the first offset
   * @param end the end offset, exclusive ({@link Long#MAX_VALUE}: to the end of the listing)
   * @param pageSize items asked per page
   * @param concurrency pages in flight at most
   * @return the items
   */
  public Flux<T> items(long start, long end, int pageSize, int concurrency) {
    check(start, end, pageSize, concurrency);
    return items(PageCursor.of(start, start, end, fingerprint), pageSize, concurrency);
  }

  /**
   * The items of the listing a cursor points into, from the cursor's offset to the listing's end:
   * resuming a listing with the cursor of its last page, or of the error that ended it, yields
   * exactly the items it had not emitted. Later cursors keep the listing's bounds.
   *
   * @param from where to resume; its fingerprint must be this paginator's
   * @param pageSize items asked per page
   * @param concurrency pages in flight at most
   * @return the items
   * @throws IllegalArgumentException when the cursor belongs to another query
   */
  public Flux<T> items(PageCursor from, int pageSize, int concurrency) {
    checkCursor(from);
    check(from.offset(), from.end(), pageSize, concurrency);
    return Flux.defer(
        () -> {
          Run run = new Run(from, pageSize, concurrency);
          return run.chunks()
              .concatMap(run::emit, 0)
              .onErrorMap(ApiException.class, e -> Errors.get().withResumeCursor(e, run.cursor(run.next)));
        });
  }

  /**
   * The pages of {@code [start, end)} of the listing, in order. The first page is always emitted,
   * even when empty; later pages only when they hold items.
   *
   * @param start the first offset
   * @param end the end offset, exclusive ({@link Long#MAX_VALUE}: to the end of the listing)
   * @param pageSize items asked per page
   * @param concurrency pages in flight at most
   * @return the pages
   */
  public Flux<Page<T>> pages(long start, long end, int pageSize, int concurrency) {
    check(start, end, pageSize, concurrency);
    return pages(PageCursor.of(start, start, end, fingerprint), pageSize, concurrency);
  }

  /**
   * The pages of the listing a cursor points into, from the cursor's offset to the listing's end
   * (see {@link #items(PageCursor, int, int)}).
   *
   * @param from where to resume; its fingerprint must be this paginator's
   * @param pageSize items asked per page
   * @param concurrency pages in flight at most
   * @return the pages
   * @throws IllegalArgumentException when the cursor belongs to another query
   */
  public Flux<Page<T>> pages(PageCursor from, int pageSize, int concurrency) {
    checkCursor(from);
    check(from.offset(), from.end(), pageSize, concurrency);
    return Flux.defer(
        () -> {
          Run run = new Run(from, pageSize, concurrency);
          return run.chunks()
              .map(
                  c -> {
                    c.consumed();
                    run.next = c.page.offset() + c.page.size();
                    return c.page;
                  })
              .onErrorMap(ApiException.class, e -> Errors.get().withResumeCursor(e, run.cursor(run.next)));
        });
  }

  /**
   * Splits {@code [start, min(end, total))} into at most {@code n} disjoint ranges that together
   * cover it, asking the server for the total with a one-item page. When the server gives no total,
   * the answer is the single range {@code [start, end)}.
   *
   * @param start the first offset
   * @param end the end offset, exclusive
   * @param n the number of ranges wanted
   * @return the ranges, in order
   */
  public Mono<List<OffsetRange>> partitions(long start, long end, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
    check(start, end, 1, 1);
    return Mono.defer(() -> fetcher.fetch(start, 1))
        .map(
            p -> {
              OptionalLong total = p.totalCount();
              if (total.isEmpty()) {
                return List.of(OffsetRange.of(start, end));
              }
              long stop = Math.max(start, Math.min(end, total.getAsLong()));
              return OffsetRange.split(start, stop, n);
            });
  }

  private void checkCursor(PageCursor from) {
    Objects.requireNonNull(from, "from");
    if (!from.fingerprint().equals(fingerprint)) {
      throw new IllegalArgumentException("from: the cursor belongs to a listing of another query");
    }
  }

  private static void check(long start, long end, int pageSize, int concurrency) {
    if (start < 0) {
      throw new IllegalArgumentException("start must be >= 0, was " + start);
    }
    if (end < start) {
      throw new IllegalArgumentException("end must be >= start, was " + end);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    }
  }

  /** The state of one subscription. */
  private final class Run {
    /** Where the listing began: kept in every cursor so that resuming completes the same listing. */
    private final long origin;
    private final long start;
    private final long end;
    private final int pageSize;
    private final int concurrency;
    /** The lowest offset at which an empty page was seen: no data beyond it. */
    private final AtomicLong dataEnd = new AtomicLong(Long.MAX_VALUE);
    /** The offset of the first item (or page) not yet emitted; written by the serialized emitter. */
    volatile long next;
    /** The first item of the last page let through, to catch a page that does not advance. */
    private @Nullable Object previousFirst;

    Run(PageCursor from, int pageSize, int concurrency) {
      this.origin = from.start();
      this.start = from.offset();
      this.end = from.end();
      this.pageSize = pageSize;
      this.concurrency = concurrency;
      this.next = start;
    }

    PageCursor cursor(long offset) {
      return PageCursor.of(origin, Math.max(start, Math.min(offset, end)), end, fingerprint);
    }

    /** The items of one page, each advancing {@link #next}; the producer learns when all are out. */
    Flux<T> emit(Chunk<T> c) {
      Page<T> page = c.page;
      next = page.offset();
      return Flux.fromIterable(page.items()).doOnNext(x -> next++).doOnComplete(c::consumed);
    }

    /**
     * The pages of the listing, in order, each checked as it is let through: a page that starts with
     * the same item as the page before it does not advance (the server or a proxy ignores the offset)
     * and fails the listing; a page beyond an empty one (the listing shrank) ends it, so no page is
     * emitted after a gap.
     */
    Flux<Chunk<T>> chunks() {
      if (start >= end) {
        return Flux.empty();
      }
      return new OnDemand<>(this::firstAndRest)
          .handle(
              (chunk, sink) -> {
                Page<T> p = chunk.page;
                if (p.offset() > start && p.offset() >= dataEnd.get()) {
                  sink.complete();
                  return;
                }
                if (p.size() > 0) {
                  Object first = p.items().get(0);
                  if (previousFirst != null && previousFirst.equals(first)) {
                    sink.error(notAdvancing(p.offset(), "starts with the same item as the page before it"));
                    return;
                  }
                  previousFirst = first;
                }
                sink.next(chunk);
              });
    }

    private Flux<Chunk<T>> firstAndRest() {
      int firstLimit = limitFor(start, end);
      return fetch(start, firstLimit)
          .flatMapMany(
              first -> {
                int n = first.size();
                OptionalLong total = first.totalCount();
                long stop = total.isPresent() ? Math.min(end, Math.max(start, total.getAsLong())) : end;
                long next = start + n;
                int size = pageSize;
                if (first.reportedLimit().isPresent() && first.reportedLimit().getAsInt() > 0) {
                  size = Math.min(size, first.reportedLimit().getAsInt());
                }
                if (total.isPresent() && n > 0 && n < firstLimit && next < stop) {
                  size = Math.min(size, n); // the server clamped the page size without saying
                }
                boolean last = n == 0 || next >= stop || (total.isEmpty() && isShort(first, firstLimit));
                Page<T> head = withNext(first, last ? -1 : next, stop);
                if (last) {
                  return Flux.just(new Chunk<>(head, null));
                }
                int effective = size;
                Flux<Chunk<T>> rest =
                    total.isPresent()
                        ? new OnDemand<>(() -> planned(next, stop, effective))
                        : new OnDemand<>(() -> sequential(next, effective).map(p -> new Chunk<>(p, null)));
                return Flux.just(new Chunk<T>(head, null)).concatWith(rest);
              });
    }

    /**
     * Total known: fixed segments of the listing fetched concurrently, emitted in order. A segment
     * counts against the concurrency until its page has been consumed downstream (not merely handed
     * over), so a {@code take(n)} sends at most {@code ceil(n / pageSize) + concurrency - 1} requests.
     */
    private Flux<Chunk<T>> planned(long from, long stop, int size) {
      Flux<long[]> segments =
          Flux.generate(
              () -> from,
              (offset, sink) -> {
                if (offset >= stop || offset >= dataEnd.get()) {
                  sink.complete();
                  return offset;
                }
                int limit = (int) Math.min(size, stop - offset);
                sink.next(new long[] {offset, limit});
                return offset + limit;
              });
      return segments.flatMapSequential(
          s -> {
            Sinks.Empty<Void> consumed = Sinks.empty();
            java.util.concurrent.atomic.AtomicBoolean emitted = new java.util.concurrent.atomic.AtomicBoolean();
            return segment(s[0], s[0] + s[1], stop, size)
                .map(p -> {
                  emitted.set(true);
                  return new Chunk<>(p, consumed);
                })
                // a segment that found no items (the listing shrank) has nothing to wait for
                .concatWith(Mono.defer(() -> emitted.get() ? consumed.asMono() : Mono.<Void>empty()).then(Mono.empty()));
          },
          concurrency,
          1);
    }

    /** Reads {@code [from, to)} completely: a short page is followed by one for the rest. */
    private Flux<Page<T>> segment(long from, long to, long stop, int size) {
      AtomicLong position = new AtomicLong(from);
      return Mono.defer(
              () -> {
                long at = position.get();
                int limit = (int) Math.min(size, to - at);
                return fetch(at, limit)
                    .map(
                        p -> {
                          if (p.size() == 0) {
                            dataEnd.accumulateAndGet(at, Math::min);
                            position.set(to);
                            return p;
                          }
                          long next = at + p.size();
                          position.set(next);
                          return withNext(p, next >= stop ? -1 : next, stop);
                        });
              })
          .repeat(() -> position.get() < to)
          .filter(p -> p.size() > 0);
    }

    /** Total unknown: one page after another until an empty or short one. */
    private Flux<Page<T>> sequential(long from, int size) {
      AtomicLong position = new AtomicLong(from);
      boolean[] done = {false};
      return Mono.defer(
              () -> {
                long at = position.get();
                int limit = limitFor(at, end, size);
                return fetch(at, limit)
                    .map(
                        p -> {
                          int n = p.size();
                          long next = at + n;
                          done[0] = n == 0 || next >= end || isShort(p, limit);
                          position.set(next);
                          return withNext(p, done[0] ? -1 : next, end);
                        });
              })
          .repeat(() -> !done[0])
          .filter(p -> p.size() > 0);
    }

    /**
     * Without a total, a page ends the listing when it is shorter than the limit the server says
     * it applied. A server that clamps without saying so cannot be told from the end of the listing,
     * so without an {@code X-Pagination-Limit} only an empty page ends it (one more request, no
     * lost item).
     */
    private boolean isShort(Page<T> page, int asked) {
      return page.reportedLimit().isPresent() && page.size() < Math.min(asked, page.reportedLimit().getAsInt());
    }

    private int limitFor(long at, long to) {
      return limitFor(at, to, pageSize);
    }

    private int limitFor(long at, long to, int size) {
      return (int) Math.max(1, Math.min(size, to - at));
    }

    /**
     * Fetches a page, trimmed to the limit asked (a server that sends more is not trusted). A page
     * whose reported offset is not the offset asked fails the listing: the server (or a proxy keyed
     * on the path alone) ignores the offset, and its items would repeat others.
     */
    private Mono<Page<T>> fetch(long offset, int limit) {
      return Mono.defer(() -> fetcher.fetch(offset, limit))
          .map(
              p -> {
                if (p.reportedOffset().isPresent() && p.reportedOffset().getAsLong() != offset) {
                  throw notAdvancing(
                      offset, "was answered with the page at offset " + p.reportedOffset().getAsLong());
                }
                if (p.items().size() <= limit && p.offset() == offset) {
                  return p;
                }
                List<T> items = p.items().size() <= limit ? p.items() : p.items().subList(0, limit);
                return Page.<T>builder().from(p).offset(offset).items(items).build();
              });
    }

    private Page<T> withNext(Page<T> page, long next, long stop) {
      Optional<PageCursor> c = next < 0 || next >= stop ? Optional.empty() : Optional.of(cursor(next));
      return page.nextCursor().equals(c) ? page : Page.<T>builder().from(page).nextCursor(c).build();
    }
  }

  private static DecodingException notAdvancing(long offset, String what) {
    return Errors.get().notAdvancing(offset, what);
  }

  /** A page, and how to tell its producer that it has been consumed. */
  private static final class Chunk<T> {
    final Page<T> page;
    private final Sinks.@Nullable Empty<Void> consumed;

    Chunk(Page<T> page, Sinks.@Nullable Empty<Void> consumed) {
      this.page = page;
      this.consumed = consumed;
    }

    void consumed() {
      if (consumed != null) {
        consumed.tryEmitEmpty();
      }
    }
  }

  @Override
  public String toString() {
    return "OffsetPaginator{fingerprint=" + fingerprint + "}";
  }
}
