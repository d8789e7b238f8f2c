package io.trackflow.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of trackflow, applied in each value package's {@code package-info.java}.
 *
 * <p>Generated {@code ImmutableFoo} classes are package-private and never part of the API: users see
 * the public abstract type {@code Foo}, its nested {@code Foo.Builder} and {@code Foo.builder()}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = true),
        redactedMask = "****",
        jdkOnly = true,
        get = {"is*", "get*"},
        optionalAcceptNullable = true)
public @interface TrackflowStyle {}
