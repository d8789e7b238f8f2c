/**
 * The trackflow Spring Boot starter: {@link io.trackflow.spring.boot.TrackflowAutoConfiguration}
 * configures a shared transport and the BeyondWords and BeatPass clients from the {@code trackflow.*}
 * settings ({@link io.trackflow.spring.boot.TrackflowProperties}).
 */
@NullMarked
package io.trackflow.spring.boot;

import org.jspecify.annotations.NullMarked;
