package io.trackflow.core.client.example;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Optional;
import org.immutables.value.Value;

/** A quote: {@code {"id": 7, "text": "...", "author": "..."}}; the author may be missing. */
@Value.Immutable
@JsonDeserialize(builder = Quote.Builder.class)
public abstract class Quote {

    Quote() {}

    /** The quote's id. */
    @JsonProperty("id")
    public abstract long id();

    /** What was said. */
    @JsonProperty("text")
    public abstract String text();

    /** Who said it, when known. */
    @JsonProperty("author")
    public abstract Optional<String> author();

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Quote} values. */
    @JsonPOJOBuilder(withPrefix = "set") // only the @JsonProperty setters Immutables generates bind
    public static final class Builder extends ImmutableQuote.Builder {
        Builder() {}
    }
}
