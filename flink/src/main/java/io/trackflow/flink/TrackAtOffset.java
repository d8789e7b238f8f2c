package io.trackflow.flink;

import io.trackflow.beyondwords.model.BackgroundTrack;

/** A track and its offset in the listing, from the split reader to the record emitter. */
record TrackAtOffset(BackgroundTrack track, long offset) {}
