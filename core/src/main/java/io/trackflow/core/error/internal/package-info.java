/** How trackflow's layers reach the error factory. Not exported; not a public API. */
@NullMarked
package io.trackflow.core.error.internal;

import org.jspecify.annotations.NullMarked;
