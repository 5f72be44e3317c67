package dev.rewards.api.balance;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /rewards/points/{userId}}.
 *
 * @param totalPoints the balance; negative only while a refund's debt is unpaid
 * @param lifetimePoints points ever earned, less those reversed by refunds (redemptions do not
 *     lower it)
 * @param tier the highest tier {@code lifetimePoints} reach
 */
public record AccountBalance(
    @Schema(example = "user123") String userId,
    @Schema(example = "415") long totalPoints,
    @Schema(example = "415") long lifetimePoints,
    @Schema(example = "bronze") String tier) {}
