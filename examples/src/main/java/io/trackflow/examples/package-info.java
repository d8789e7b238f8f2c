/** Runnable examples of trackflow; they run on the embedded sandbox unless real credentials are set. */
@NullMarked
package io.trackflow.examples;

import org.jspecify.annotations.NullMarked;
