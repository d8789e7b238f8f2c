/**
 * A third provider, written as a user of trackflow would write one: only core's exported packages
 * ({@code io.trackflow.core}, {@code .auth}, {@code .client}, {@code .error}, {@code .http}, {@code
 * .json}, {@code .paging}, {@code .retry}), never {@code io.trackflow.core.internal}. A small
 * "quotes" API: an API key in {@code X-Api-Key}, one lookup, one offset-paged listing.
 */
@NullMarked
@TrackflowStyle
package io.trackflow.core.client.example;

import io.trackflow.core.TrackflowStyle;
import org.jspecify.annotations.NullMarked;
