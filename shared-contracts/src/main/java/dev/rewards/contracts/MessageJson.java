package dev.rewards.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire form of every message: JSON with a {@code type} discriminator. Unknown fields are
 * ignored (a newer producer may add some); an unknown or missing type is an error, never a guess.
 */
public final class MessageJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
          .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The {@code type} names on the wire and the command types they stand for (EARN, …). */
  private static final Map<String, String> COMMAND_TYPES = commandTypes();

  private MessageJson() {}

  private static Map<String, String> commandTypes() {
    Map<String, String> types = new HashMap<>();
    for (JsonSubTypes.Type subtype :
        RewardsCommand.class.getAnnotation(JsonSubTypes.class).value()) {
      try {
        types.put(subtype.name(), (String) subtype.value().getField("TYPE").get(null));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(subtype.value() + " must declare its TYPE", e);
      }
    }
    return Map.copyOf(types);
  }

  public static byte[] write(RewardsCommand command) {
    return MAPPER.writerFor(RewardsCommand.class).writeValueAsBytes(command);
  }

  public static byte[] write(RewardsEvent event) {
    return MAPPER.writerFor(RewardsEvent.class).writeValueAsBytes(event);
  }

  /**
   * @throws MalformedMessageException if the bytes are not a known command
   */
  public static RewardsCommand readCommand(byte[] json) {
    return read(json, RewardsCommand.class);
  }

  /**
   * @throws MalformedMessageException if the bytes are not a known event
   */
  public static RewardsEvent readEvent(byte[] json) {
    return read(json, RewardsEvent.class);
  }

  /**
   * Who a command that cannot be read was for, as far as its bytes still tell: its {@code
   * commandId} and {@code userId} (either may be missing) and its type (EARN, REDEEM or UNKNOWN).
   * Lets the ledger answer even an unreadable command, so that nobody waits for it forever.
   */
  public static CommandIdentity identityOf(byte[] json) {
    UUID commandId = null;
    String userId = null;
    String type = "UNKNOWN";
    try {
      JsonNode tree = json == null ? null : MAPPER.readTree(json);
      if (tree != null && tree.isObject()) {
        JsonNode id = tree.get("commandId");
        JsonNode user = tree.get("userId");
        JsonNode kind = tree.get("type");
        commandId = id != null && id.isString() ? UUID.fromString(id.asString()) : null;
        userId = user != null && user.isString() ? user.asString() : null;
        type = kind == null ? type : COMMAND_TYPES.getOrDefault(kind.asString(), type);
      }
    } catch (JacksonException | IllegalArgumentException unreadable) {
      // whatever was found before stands
    }
    return new CommandIdentity(commandId, userId, type);
  }

  /** What {@link #identityOf} could tell; {@code commandId} and {@code userId} may be null. */
  public record CommandIdentity(UUID commandId, String userId, String commandType) {}

  private static <T> T read(byte[] json, Class<T> type) {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new MalformedMessageException("empty " + type.getSimpleName(), null);
      }
      return value;
    } catch (JacksonException e) {
      throw new MalformedMessageException(
          "not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
