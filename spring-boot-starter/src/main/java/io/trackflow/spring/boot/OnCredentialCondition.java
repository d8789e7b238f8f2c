package io.trackflow.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a credential property has text (a blank one, e.g. {@code ${BEYONDWORDS_API_KEY:}}
 * with the variable unset, counts as absent). The condition report names the property, never its
 * value.
 */
abstract class OnCredentialCondition extends SpringBootCondition {

    private final String property;

    OnCredentialCondition(String property) {
        this.property = property;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("trackflow credential");
        // bound as @ConfigurationProperties are: every relaxed form, e.g. TRACKFLOW_BEATPASS_TOKEN
        String value = Binder.get(context.getEnvironment())
                .bind(property, String.class)
                .orElse(null);
        if (StringUtils.hasText(value)) {
            return ConditionOutcome.match(message.found("property").items(property));
        }
        return ConditionOutcome.noMatch(message.didNotFind("non-blank property").items(property));
    }

    /** {@code trackflow.beyondwords.api-key} is set. */
    static final class BeyondWordsApiKey extends OnCredentialCondition {
        BeyondWordsApiKey() {
            super(SecretProperties.BEYONDWORDS_API_KEY);
        }
    }

    /** {@code trackflow.beatpass.token} is set. */
    static final class BeatPassToken extends OnCredentialCondition {
        BeatPassToken() {
            super(SecretProperties.BEATPASS_TOKEN);
        }
    }
}
