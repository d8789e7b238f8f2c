package io.trackflow.core.client.example;

import io.trackflow.core.json.FieldType;
import io.trackflow.core.json.Json;
import io.trackflow.core.json.ModelCodec;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A quote: {@code {"id": 7, "text": "...", "author": "..."}}; the author may be missing. How it reads and
 * writes is its {@link ModelCodec}, registered when the class is initialized; fields the quote does not
 * model are ignored (a strict codec).
 */
@Value.Immutable
public abstract class Quote {

    static {
        Json.register(new Codec());
    }

    Quote() {}

    /** The quote's id. */
    public abstract long id();

    /** What was said. */
    public abstract String text();

    /** Who said it, when known. */
    public abstract Optional<String> author();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Quote} values. */
    public static final class Builder extends ImmutableQuote.Builder {
        Builder() {}
    }

    private static final class Codec extends ModelCodec<Builder, Quote> {
        Codec() {
            super(Quote.class, Quote::builder, Builder::build);
            required("id", FieldType.LONG, Builder::id, Quote::id);
            required("text", FieldType.STRING, Builder::text, Quote::text);
            optional("author", FieldType.STRING, Builder::author, Quote::author);
        }
    }
}
