package dev.rewards.api.balance;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /rewards/points/{userId}}.
 *
 * @param totalPoints the balance, held points included; negative only while a refund's debt is
 *     unpaid
 * @param availablePoints what redemptions, holds and debits may take: the balance less the held
 *     points
 * @param heldPoints reserved by holds at checkout
 * @param lifetimePoints points ever earned, less those reversed by refunds (redemptions do not
 *     lower it)
 * @param tier the highest tier {@code lifetimePoints} reach
 * @param nextExpiry the next points to expire and when; null if none will
 */
public record AccountBalance(
    @Schema(example = "user123") String userId,
    @Schema(example = "415") long totalPoints,
    @Schema(example = "315") long availablePoints,
    @Schema(example = "100") long heldPoints,
    @Schema(example = "415") long lifetimePoints,
    @Schema(example = "bronze") String tier,
    NextExpiry nextExpiry) {

  /** The next points to expire. */
  public record NextExpiry(
      @Schema(example = "120") long points,
      @Schema(example = "2027-01-15T12:00:00Z") java.time.Instant expiresAt) {}
}
