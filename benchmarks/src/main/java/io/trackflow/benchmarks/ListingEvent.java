package io.trackflow.benchmarks;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Marks one listing in a flight recording, so that samples, allocations, compilations and
 * deoptimizations can be attributed to the contender and round that was running ({@code Report jfr}).
 * Costs nothing when no recording is on.
 */
@Name("trackflow.Listing")
@Label("Listing")
@Category("trackflow")
@Description("One listing of a benchmark contender")
@StackTrace(false)
final class ListingEvent extends jdk.jfr.Event {
    @Label("Contender")
    String contender;

    @Label("Round")
    int round;

    @Label("Measured")
    boolean measured;

    @Label("Items")
    long items;
}
