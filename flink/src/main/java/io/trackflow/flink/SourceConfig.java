package io.trackflow.flink;

import io.trackflow.beyondwords.BeyondWordsClient;
import io.trackflow.beyondwords.model.BackgroundTrackQuery;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the enumerator and the readers need to talk to BeyondWords, in a form Flink can ship to the
 * cluster (the Immutables query is rebuilt on arrival). The key prints as {@code ****}.
 */
record SourceConfig(
    String apiKey,
    String baseUrl,
    boolean allowInsecureHttp,
    @Nullable String name,
    @Nullable Boolean custom,
    List<String> scopes,
    int pageSize,
    int concurrency,
    long offset,
    long maxItems,
    long splitSize,
    long continuousIntervalMillis,
    long lookbackMillis)
    implements Serializable {

  BeyondWordsClient newClient() {
    return BeyondWordsClient.builder().apiKey(apiKey).baseUrl(baseUrl).allowInsecureHttp(allowInsecureHttp).build();
  }

  BackgroundTrackQuery query() {
    BackgroundTrackQuery.Builder b = BackgroundTrackQuery.builder()
        .addAllScopes(scopes)
        .pageSize(pageSize)
        .concurrency(concurrency)
        .offset(offset)
        .maxItems(maxItems);
    if (name != null) {
      b.name(name);
    }
    if (custom != null) {
      b.custom(custom);
    }
    return b.build();
  }

  boolean continuous() {
    return continuousIntervalMillis > 0;
  }

  Duration lookback() {
    return Duration.ofMillis(lookbackMillis);
  }

  @Override
  public String toString() {
    return "SourceConfig{baseUrl=" + baseUrl + ", apiKey=****, query=" + query() + ", splitSize=" + splitSize
        + (continuous() ? ", every " + continuousIntervalMillis + " ms" : ", bounded") + "}";
  }
}
