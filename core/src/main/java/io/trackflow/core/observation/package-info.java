/**
 * Micrometer observations of trackflow's clients (an optional dependency: nothing here is loaded
 * without a registry): the names and keys ({@link io.trackflow.core.observation.TrackflowObservations}),
 * the contexts, and the conventions users can replace.
 */
@NullMarked
package io.trackflow.core.observation;

import org.jspecify.annotations.NullMarked;
