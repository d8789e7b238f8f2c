package io.trackflow.core.paging;

import java.io.Serializable;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A resumable position in a listing: the offset of the next item and a fingerprint of the query
 * (its filters), so a cursor cannot silently be applied to a different listing.
 *
 * <p>{@link #toString()} gives a compact, URL-safe form ({@code tf1.<offset>.<fingerprint>}) that
 * {@link #parse(String)} reads back: store it anywhere a string fits.
 */
@Value.Immutable
public abstract class PageCursor implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String PREFIX = "tf1.";

  PageCursor() {}

  /** The offset of the first item not yet read. */
  @Value.Parameter
  public abstract long offset();

  /** The fingerprint of the query the cursor belongs to ({@code [0-9a-z]*}). */
  @Value.Parameter
  public abstract String fingerprint();

  @Value.Check
  final void check() {
    if (offset() < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset());
    }
    if (fingerprint().length() > 64 || !fingerprint().chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
      throw new IllegalArgumentException("fingerprint must be at most 64 characters of [0-9a-z]");
    }
  }

  /**
   * Creates a cursor.
   *
   * @param offset the offset of the next item
   * @param fingerprint the query's fingerprint
   * @return the cursor
   */
  public static PageCursor of(long offset, String fingerprint) {
    return ImmutablePageCursor.of(offset, fingerprint);
  }

  /**
   * Reads a cursor from its {@link #toString()} form.
   *
   * @param cursor the text
   * @return the cursor
   * @throws IllegalArgumentException when the text is not a cursor
   */
  public static PageCursor parse(String cursor) {
    Objects.requireNonNull(cursor, "cursor");
    String s = cursor.trim();
    int dot = s.indexOf('.', PREFIX.length());
    if (!s.startsWith(PREFIX) || dot < 0) {
      throw new IllegalArgumentException("cursor is not a trackflow page cursor: " + abbreviate(s));
    }
    try {
      return of(Long.parseLong(s.substring(PREFIX.length(), dot)), s.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is not a trackflow page cursor: " + abbreviate(s), e);
    }
  }

  @Override
  public String toString() {
    return PREFIX + offset() + "." + fingerprint();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
