package dev.rewards.api.commands;

import dev.rewards.api.system.InvalidFieldException;
import dev.rewards.api.system.NotFoundException;
import dev.rewards.support.store.StoreSchema.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Lets a client poll the outcome of a command it was given a 202 for. */
@RestController
@Tag(name = "Commands")
class CommandStatusController {

  private final CommandStatusStore statuses;
  private final JsonMapper json;

  CommandStatusController(CommandStatusStore statuses, JsonMapper json) {
    this.statuses = statuses;
    this.json = json;
  }

  @GetMapping("/rewards/commands/{commandId}")
  @Operation(
      summary = "Status of an accepted command: PENDING, APPLIED or REJECTED",
      description =
          "Every accepted command ends APPLIED or REJECTED. A rejection names its `reason`:"
              + " INSUFFICIENT_POINTS (a redemption beyond the balance), INVALID_COMMAND (breaks"
              + " the command rules; `result.field` names the field) or DEAD_LETTERED (could not be"
              + " applied; moved to the dead-letter topic for an operator, nothing changed).")
  CommandStatus status(@PathVariable String commandId) {
    UUID id = parse(commandId);
    Document doc =
        statuses
            .find(id)
            .orElseThrow(() -> new NotFoundException("No command " + id + " was accepted"));
    String event = doc.getString(Commands.EVENT);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = event == null ? null : json.readValue(event, Map.class);
    Object reason = result == null ? null : result.get("reason");
    return new CommandStatus(
        id,
        doc.getString(Commands.USER_ID),
        doc.getString(Commands.TYPE),
        doc.getString(Commands.STATUS),
        reason == null ? null : reason.toString(),
        result);
  }

  private static UUID parse(String commandId) {
    try {
      return UUID.fromString(commandId);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("commandId", "commandId must be a UUID");
    }
  }
}
