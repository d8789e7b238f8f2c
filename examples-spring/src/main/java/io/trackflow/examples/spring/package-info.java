/** A Spring Boot WebFlux service using the trackflow starter. */
@NullMarked
package io.trackflow.examples.spring;

import org.jspecify.annotations.NullMarked;
