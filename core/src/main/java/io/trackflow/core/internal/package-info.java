/** Implementation details shared by trackflow modules. Not a public API: may change without notice. */
@NullMarked
package io.trackflow.core.internal;

import org.jspecify.annotations.NullMarked;
