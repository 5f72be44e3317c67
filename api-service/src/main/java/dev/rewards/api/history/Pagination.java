package dev.rewards.api.history;

import dev.rewards.api.system.InvalidFieldException;

/**
 * A page of a list: {@code page} is 1-based, {@code limit} 1–100.
 *
 * @param page this page
 * @param limit entries per page
 * @param total entries in the whole list
 * @param pages pages in the whole list
 */
public record Pagination(int page, int limit, long total, long pages) {

  public static final int MAX_LIMIT = 100;

  /** The page asked for, checked; {@code total} and {@code pages} still unknown. */
  public static Pagination requested(Integer page, Integer limit) {
    int p = page == null ? 1 : page;
    int l = limit == null ? 10 : limit;
    if (p < 1) {
      throw new InvalidFieldException("page", "page must be 1 or more");
    }
    if (l < 1 || l > MAX_LIMIT) {
      throw new InvalidFieldException("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    return new Pagination(p, l, 0, 0);
  }

  public Pagination withTotal(long total) {
    return new Pagination(page, limit, total, (total + limit - 1) / limit);
  }

  /** Entries to skip before this page (long: a huge page number must not overflow). */
  public long skip() {
    return (long) (page - 1) * limit;
  }
}
