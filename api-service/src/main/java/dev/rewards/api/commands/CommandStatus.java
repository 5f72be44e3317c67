package dev.rewards.api.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /rewards/commands/{commandId}}: where a command stands, and its outcome once decided.
 * A REJECTED command says why in {@code reason}: INSUFFICIENT_POINTS, INVALID_COMMAND (with the
 * {@code field} in its result) or DEAD_LETTERED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandStatus(
    UUID commandId,
    String userId,
    String type,
    String status,
    String reason,
    Map<String, Object> result) {}
