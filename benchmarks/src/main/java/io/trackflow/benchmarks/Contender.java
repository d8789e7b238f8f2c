package io.trackflow.benchmarks;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The contenders of the stream workload (DESIGN §7.1) that the warm-up and short-run measurements
 * compare, as one listing each. The JMH {@link StreamBenchmark} runs the same listings.
 */
enum Contender {
  /** trackflow {@code list()} with the defaults (two pages in flight). */
  LIST("list"),
  /** trackflow {@code list()} with {@code concurrency(1)}. */
  LIST1("list1"),
  /** (b) raw Reactor Netty + Jackson, records with trackflow's timestamp reader. */
  RAW("raw"),
  /** (b') raw Reactor Netty + a plain {@code ObjectMapper} binding a plain POJO. */
  POJO("pojo");

  final String id;

  Contender(String id) {
    this.id = id;
  }

  static Contender of(String id) {
    for (Contender c : values()) {
      if (c.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown contender " + id + " (list, list1, raw, pojo)");
  }

  boolean trackflow() {
    return this == LIST || this == LIST1;
  }

  /** One whole listing of {@code items} items, {@code page} per page. */
  Flux<?> listing(BeyondWordsClient trackflow, HttpClient netty, String base, int items, int page) {
    switch (this) {
      case LIST:
        return trackflow.backgroundTracks().list(BackgroundTrackQuery.builder().pageSize(page).build());
      case LIST1:
        return trackflow.backgroundTracks().list(BackgroundTrackQuery.builder().pageSize(page).concurrency(1).build());
      case RAW:
        return Baselines.rawNettyJackson(netty, base, items, page);
      case POJO:
        return Baselines.plainPojoPager(netty, base, items, page);
      default:
        throw new AssertionError(this);
    }
  }
}
