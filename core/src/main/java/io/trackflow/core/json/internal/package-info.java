/**
 * The JSON codec's machinery shared by the {@code json} layer and the two Jackson modules: the registry
 * of what trackflow reads and writes, and the streaming factory. Not exported.
 */
@NullMarked
package io.trackflow.core.json.internal;

import org.jspecify.annotations.NullMarked;
