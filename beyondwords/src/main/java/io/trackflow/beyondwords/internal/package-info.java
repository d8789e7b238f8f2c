/** Implementation details of the BeyondWords client. Not a public API. */
@NullMarked
package io.trackflow.beyondwords.internal;

import org.jspecify.annotations.NullMarked;
