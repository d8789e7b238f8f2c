/** The configured Jackson {@code ObjectMapper} and lenient readers for timestamps and dates. */
@NullMarked
package io.trackflow.core.json;

import org.jspecify.annotations.NullMarked;
