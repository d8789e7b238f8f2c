package io.trackflow.core.paging;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 */
@Value.Immutable
public abstract class Page<T> {

  Page() {}

  /** The items, in listing order. */
  public abstract List<T> items();

  /** The offset of the first item. */
  public abstract long offset();

  /**
   * The page size in force: the server's {@code X-Pagination-Limit} when it sent one, else the size
   * asked. The server may return fewer items (see {@link #items()}).
   */
  public abstract int limit();

  /** The total number of items of the listing, when the server said ({@code X-Pagination-Total-Count}). */
  public abstract OptionalLong totalCount();

  /** The filters the server says it applied ({@code X-BeyondWords-Filter}), if it says. */
  public abstract Optional<String> appliedFilter();

  /**
   * Where the next page starts; empty on the last page. Pass it to the query's {@code startAt} to
   * resume there.
   */
  public abstract Optional<PageCursor> nextCursor();

  /** The offset the server reported for this page ({@code X-Pagination-OffSet}), if any. */
  @Value.Auxiliary
  public abstract OptionalLong reportedOffset();

  /** The page size the server reported ({@code X-Pagination-Limit}), if any. */
  @Value.Auxiliary
  public abstract OptionalInt reportedLimit();

  /** The number of items on this page. */
  public final int size() {
    return items().size();
  }

  /**
   * Returns a new builder.
   *
   * @param <T> the item type
   * @return the builder
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Builds {@link Page} values.
   *
   * @param <T> the item type
   */
  public static final class Builder<T> extends ImmutablePage.Builder<T> {
    Builder() {}
  }
}
