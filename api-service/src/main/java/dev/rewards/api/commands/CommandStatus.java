package dev.rewards.api.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /rewards/commands/{commandId}}: where a command stands, and its outcome once decided.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandStatus(
    UUID commandId, String userId, String type, String status, Map<String, Object> result) {}
