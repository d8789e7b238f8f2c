/** What the transport hands up to the error model. Not exported; not a public API. */
@NullMarked
package io.trackflow.core.http.internal;

import org.jspecify.annotations.NullMarked;
