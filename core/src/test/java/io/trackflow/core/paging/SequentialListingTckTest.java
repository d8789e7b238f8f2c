package io.trackflow.core.paging;

import java.time.Duration;

/** The TCK on a listing without a total (one page after another), each page answered at once. */
public class SequentialListingTckTest extends ListingTck {

    public SequentialListingTckTest() {
        super(false, Duration.ZERO);
    }
}
