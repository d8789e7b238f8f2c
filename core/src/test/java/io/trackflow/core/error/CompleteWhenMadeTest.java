package io.trackflow.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackflow.core.error.internal.ErrorAccess;
import io.trackflow.core.paging.PageCursor;
import io.trackflow.core.testing.TestErrors;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An error is complete when made: no field of the hierarchy changes, the facts arrive on a copy. */
class CompleteWhenMadeTest {

    private static final List<Class<? extends ApiException>> TYPES = List.of(
            ApiException.class,
            HttpStatusException.class,
            BadRequestException.class,
            UnauthorizedException.class,
            ForbiddenException.class,
            NotFoundException.class,
            ConflictException.class,
            ValidationException.class,
            RateLimitException.class,
            ServerException.class,
            TransportException.class,
            TimeoutException.class,
            DecodingException.class,
            CredentialsException.class);

    @Test
    void noFieldChangesAndNoMethodSetsOne() {
        for (Class<?> c : TYPES) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    assertThat(Modifier.isFinal(f.getModifiers()))
                            .as("%s.%s is final", c.getSimpleName(), f.getName())
                            .isTrue();
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                assertThat(m.getName())
                        .as("%s.%s", c.getSimpleName(), m.getName())
                        .doesNotStartWith("set");
            }
        }
    }

    @Test
    void attemptsAndCursorArriveOnACopyOfTheSameTypeAndContents() {
        ApiException made = TestErrors.status(503);
        ApiException tried = ErrorAccess.get().withAttempts(made, 4);
        ApiException ended = ErrorAccess.get().withResumeCursor(tried, PageCursor.of(40, "q"));
        assertThat(made.attempts()).isEqualTo(1);
        assertThat(made.resumeCursor()).isEmpty();
        assertThat(tried.attempts()).isEqualTo(4);
        assertThat(ended).isInstanceOf(ServerException.class).hasMessage(made.getMessage());
        assertThat(ended.attempts()).isEqualTo(4);
        assertThat(ended.resumeCursor()).contains(PageCursor.of(40, "q"));
        assertThat(ended.getStackTrace()).isEqualTo(made.getStackTrace());
        assertThat(((ServerException) ended).status()).isEqualTo(503);
        // the innermost listing's position wins
        assertThat(ErrorAccess.get().withResumeCursor(ended, PageCursor.of(90, "q")))
                .isSameAs(ended);
        assertThat(ErrorAccess.get().withAttempts(ended, 4)).isSameAs(ended);
    }
}
