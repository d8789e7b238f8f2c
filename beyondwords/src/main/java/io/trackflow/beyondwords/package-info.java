/**
 * The reactive BeyondWords client: {@link io.trackflow.beyondwords.BeyondWordsClient} and {@link
 * io.trackflow.beyondwords.BackgroundTracks}.
 */
@NullMarked
package io.trackflow.beyondwords;

import org.jspecify.annotations.NullMarked;
