package io.trackflow.core.paging;

import java.time.Duration;

/** The TCK on a listing with a total (segments of the rest), each page answered on a timer thread. */
public class PlannedListingTckTest extends ListingTck {

    public PlannedListingTckTest() {
        super(true, Duration.ofNanos(1));
    }
}
