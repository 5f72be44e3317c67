package dev.rewards.api.balance;

/** {@code GET /rewards/points/{userId}}. */
public record AccountBalance(String userId, long totalPoints) {}
