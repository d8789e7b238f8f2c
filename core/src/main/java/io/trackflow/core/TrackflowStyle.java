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
 *
 * <p>An instruction to the annotation processor only, so kept in source: a package that applies it
 * carries no dependency on this (top) package in its class files, and core's layers stay free of
 * cycles (a retained annotation on {@code core.error}'s {@code package-info} would point up to here).
 *
 * <p>Defaults and derived values are computed in the constructor in the order the attributes are declared,
 * with no initialization shim ({@code unsafeDefaultAndDerived}): a model built per item of a listing then
 * allocates one object less and makes no volatile write. So a default may read only attributes declared
 * before it (as {@code BackgroundTrack.updated()} reads {@code created()}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = true),
        redactedMask = "****",
        jdkOnly = true,
        get = {"is*", "get*"},
        optionalAcceptNullable = true,
        unsafeDefaultAndDerived = true)
public @interface TrackflowStyle {}
