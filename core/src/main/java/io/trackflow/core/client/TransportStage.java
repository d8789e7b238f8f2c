package io.trackflow.core.client;

import io.trackflow.core.error.ApiException;
import io.trackflow.core.error.ErrorDecoder;
import io.trackflow.core.error.Errors;
import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.http.HttpRequest;
import io.trackflow.core.http.HttpResponse;
import io.trackflow.core.http.HttpTransport;
import io.trackflow.core.http.ResponseBody;
import io.trackflow.core.http.ResponseHandler;
import io.trackflow.core.json.internal.WholeDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The end of the pipeline: applies the call's credentials to the attempt, sends it, tells the
 * response listeners, and turns the response into the result: a 2xx body is decoded by the call's
 * reader straight from the transport's buffers (a failure to read it is a {@code
 * DecodingException}), any other status is the typed {@code HttpStatusException}.
 */
final class TransportStage {

    private static final Logger LOG = Loggers.getLogger(TransportStage.class);

    private final HttpTransport transport;
    private final ErrorDecoder errorDecoder;
    private final Consumer<HttpResponse> responseListener;

    TransportStage(HttpTransport transport, ErrorDecoder errorDecoder, Consumer<HttpResponse> responseListener) {
        this.transport = transport;
        this.errorDecoder = errorDecoder;
        this.responseListener = responseListener;
    }

    <T> Mono<T> send(Call<T> call) {
        HttpRequest request = call.request();
        Mono<HttpRequest> authenticated = call.auth().authenticate(request);
        Mono<T> sent;
        if (authenticated instanceof Fuseable.ScalarCallable) {
            // credentials at hand (an API key, a cached token): no flatMap per request
            HttpRequest authed;
            try {
                authed = ((Fuseable.ScalarCallable<HttpRequest>) authenticated).call();
            } catch (Exception e) {
                return Mono.error(
                        e instanceof ApiException ? e : ErrorAccess.get().transport(request, e));
            }
            sent = authed == null ? Mono.empty() : exchange(call, authed);
        } else {
            sent = authenticated.flatMap(authed -> exchange(call, authed));
        }
        // a closed transport's refusal is a usage error, not a network failure: it surfaces as it is
        return sent.onErrorMap(
                e -> !(e instanceof ApiException) && !(e instanceof IllegalStateException && transport.isClosed()),
                e -> ErrorAccess.get().transport(request, e));
    }

    private <T> Mono<T> exchange(Call<T> call, HttpRequest authed) {
        call.state().sent(authed);
        return transport.exchange(authed, new Handler<>(call, System.nanoTime()));
    }

    /** Reads one response of one attempt. */
    private final class Handler<T> implements ResponseHandler<T> {
        private final Call<T> call;
        private final long started;

        Handler(Call<T> call, long started) {
            this.call = call;
            this.started = started;
        }

        @Override
        public T onSuccess(HttpResponse head, ResponseBody body) {
            seen(head);
            T value;
            try (InputStream in = new WholeDocument(body.stream())) { // a body is one document: nothing after it
                value = call.reader().read(head, in);
            } catch (ApiException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                throw ErrorAccess.get().body(call.request(), call.state().lastSent(), head.status(), start(body), e);
            }
            if (value == null) {
                throw ErrorAccess.get()
                        .body(
                                call.request(),
                                call.state().lastSent(),
                                head.status(),
                                start(body),
                                new IllegalStateException("no value in the body"));
            }
            return value;
        }

        @Override
        public T onFailure(HttpResponse response) {
            seen(response);
            HttpRequest sent = call.state().lastSent(); // with its credentials: what the answer echoes is masked
            throw ErrorAccess.get()
                    .status(call.request(), sent != null ? sent : call.request(), response, errorDecoder);
        }

        private void seen(HttpResponse response) {
            try (Call.Scope s = call.openScope()) {
                if (LOG.isDebugEnabled()) {
                    LOG.debug(
                            "{} -> {} in {} ms",
                            call.request(),
                            response.status(),
                            (System.nanoTime() - started) / 1_000_000);
                }
                for (Consumer<HttpResponse> hook : call.responseHooks()) {
                    hook.accept(response);
                }
                responseListener.accept(response);
            } catch (RuntimeException e) {
                LOG.warn("response listener failed", e);
            }
        }
    }

    /** The body's first bytes, from which the error's excerpt is made (masked, then cut). */
    private static ByteBuffer start(ResponseBody body) {
        try (InputStream in = body.stream()) {
            return ByteBuffer.wrap(in.readNBytes(Errors.EXCERPT_SOURCE_BYTES));
        } catch (IOException e) {
            return ByteBuffer.allocate(0);
        }
    }
}
