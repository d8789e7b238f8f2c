/** The Jackson 2 module for an application's own mapper: {@link io.trackflow.core.json.jackson2.TrackflowJackson2Module}. */
@NullMarked
package io.trackflow.core.json.jackson2;

import org.jspecify.annotations.NullMarked;
