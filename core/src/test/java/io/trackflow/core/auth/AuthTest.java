package io.trackflow.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.trackflow.core.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class AuthTest {

  private static final HttpRequest REQ = HttpRequest.get(URI.create("https://api.example.com/v1/x"));

  @Test
  void apiKeyGoesInItsHeaderAndNeverInToString() {
    ApiKeyAuth auth = ApiKeyAuth.header("X-Api-Key", "k-123");
    StepVerifier.create(auth.authenticate(REQ))
        .assertNext(r -> {
          assertThat(r.header("x-api-key")).contains("k-123");
          assertThat(r.uri().toString()).doesNotContain("k-123");
          assertThat(r.toString()).doesNotContain("k-123");
        })
        .verifyComplete();
    assertThat(auth.toString()).doesNotContain("k-123").contains("****");
  }

  @Test
  void badSecretsAreRejectedWithoutEchoingThem() {
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyAuth.header("X-Api-Key", " ")).withMessageContaining("apiKey");
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyAuth.header("X-Api-Key", "abc\r\nX-Evil: 1"))
        .withMessageNotContaining("Evil");
    assertThatIllegalArgumentException().isThrownBy(() -> BearerTokenAuth.of("")).withMessageContaining("token");
    assertThatIllegalArgumentException().isThrownBy(() -> ApiKeyAuth.header("X Api", "k"));
  }

  @Test
  void staticBearerToken() {
    BearerTokenAuth auth = BearerTokenAuth.of("t-1");
    StepVerifier.create(auth.authenticate(REQ))
        .assertNext(r -> assertThat(r.header("Authorization")).contains("Bearer t-1"))
        .verifyComplete();
    assertThat(auth.toString()).doesNotContain("t-1");
    assertThat(AccessToken.of("t-1", Instant.EPOCH).toString()).doesNotContain("t-1");
  }

  @Test
  void refreshingTokenIsCachedRefreshedBeforeExpiryAndFetchedOneAtATime() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    AtomicInteger calls = new AtomicInteger();
    TokenProvider provider = () -> Mono.delay(Duration.ofMillis(50))
        .map(x -> AccessToken.of("t" + calls.incrementAndGet(), now.get().plusSeconds(600)));
    BearerTokenAuth auth = BearerTokenAuth.refreshing(provider, Duration.ofSeconds(60), clock);

    List<String> headers = Flux.range(0, 20).flatMap(i -> auth.authenticate(REQ))
        .map(r -> r.header("Authorization").orElseThrow()).collectList().block();
    assertThat(headers).containsOnly("Bearer t1");
    assertThat(calls.get()).isEqualTo(1);

    now.set(now.get().plusSeconds(500)); // 100 s before expiry: still fresh
    assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t1");
    now.set(now.get().plusSeconds(50)); // 50 s before expiry: inside the 60 s window
    assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t2");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void afterA401TheRejectedTokenIsDropped() {
    AtomicInteger calls = new AtomicInteger();
    BearerTokenAuth auth = BearerTokenAuth.refreshing(
        () -> Mono.fromSupplier(() -> AccessToken.nonExpiring("t" + calls.incrementAndGet())));
    HttpRequest sent = auth.authenticate(REQ).block();
    StepVerifier.create(auth.onUnauthorized(sent)).expectNext(true).verifyComplete();
    assertThat(auth.authenticate(REQ).block().header("Authorization")).contains("Bearer t2");
    StepVerifier.create(BearerTokenAuth.of("x").onUnauthorized(sent)).expectNext(false).verifyComplete();
  }

  @Test
  void aFailedFetchIsNotCachedForever() {
    AtomicInteger calls = new AtomicInteger();
    BearerTokenAuth auth = BearerTokenAuth.refreshing(() -> calls.incrementAndGet() == 1
        ? Mono.error(new IllegalStateException("vault down"))
        : Mono.just(AccessToken.nonExpiring("ok")));
    StepVerifier.create(auth.authenticate(REQ)).expectErrorMessage("vault down").verify();
    StepVerifier.create(auth.authenticate(REQ)).expectNextCount(1).verifyComplete();
  }
}
