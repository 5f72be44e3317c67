package dev.rewards.api.commands;

import java.time.Instant;

/**
 * A validated request to change a balance, before it becomes a command.
 *
 * @param userId the account, known to exist
 * @param idempotencyKey the client's key, or null
 * @param fingerprint identifies the request (operation, user, body) for idempotency checks
 * @param waitSeconds how long the client prefers to wait for the outcome, or null for 202 at once
 * @param acceptedAt when the request arrived
 */
public record CommandRequest(
    String userId,
    String idempotencyKey,
    String fingerprint,
    Integer waitSeconds,
    Instant acceptedAt) {}
