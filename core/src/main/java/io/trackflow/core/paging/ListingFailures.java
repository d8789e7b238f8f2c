package io.trackflow.core.paging;

/**
 * How a listing's failures are made: the loop guard's, and the error that ends a listing, made
 * complete with where the listing resumes. The error model implements it: {@code core.error} sits
 * above this package, as its exceptions carry a {@link PageCursor}, so the paging engine names no
 * exception type of its own and is handed the error model by whoever makes a paginator ({@code
 * ApiClient} does, for the paginators it offers).
 */
public interface ListingFailures {

    /**
     * The failure that ends a listing at a page that does not advance it: a page placed elsewhere than
     * asked, or one that starts with the previous page's first item.
     *
     * @param offset the offset asked
     * @param what what was wrong with the answer
     * @return the failure to signal
     */
    RuntimeException notAdvancing(long offset, String what);

    /**
     * A failure as it ends a listing: for a failure of the error model, itself when it carries a resume
     * cursor already (the innermost listing's wins), else a copy with {@code resumeAt}; any other
     * failure unchanged.
     *
     * @param failure what ended the listing
     * @param resumeAt the position of the first item not emitted
     * @return the failure to signal
     */
    Throwable endingAt(Throwable failure, PageCursor resumeAt);
}
