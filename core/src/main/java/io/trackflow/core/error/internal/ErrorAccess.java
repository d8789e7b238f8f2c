package io.trackflow.core.error.internal;

import io.trackflow.core.error.Errors;
import java.lang.invoke.MethodHandles;

/**
 * Where trackflow's own layers get the error factory. The factory is package-private in {@code
 * core.error} and this package is not exported, so an application cannot reach it; the factory is
 * looked up once, reflectively within this module, rather than installed by the error package calling
 * up into this one (that would be a package cycle).
 */
public final class ErrorAccess {

    private static final Errors ERRORS = lookUp();

    private ErrorAccess() {}

    /**
     * The factory.
     *
     * @return the one instance
     */
    public static Errors get() {
        return ERRORS;
    }

    private static Errors lookUp() {
        try {
            Class<?> factory =
                    Class.forName("io.trackflow.core.error.ErrorFactory", true, Errors.class.getClassLoader());
            return (Errors) MethodHandles.privateLookupIn(factory, MethodHandles.lookup())
                    .findStaticGetter(factory, "INSTANCE", factory)
                    .invoke();
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
