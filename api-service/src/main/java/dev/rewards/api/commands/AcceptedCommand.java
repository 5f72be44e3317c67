package dev.rewards.api.commands;

import java.util.UUID;

/** The 202 answer: the command is on the broker and will be applied; poll or listen for it. */
public record AcceptedCommand(UUID commandId, String status, String userId) {

  public static AcceptedCommand pending(UUID commandId, String userId) {
    return new AcceptedCommand(commandId, "PENDING", userId);
  }
}
