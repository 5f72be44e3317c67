package dev.rewards.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
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

  private MessageJson() {}

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
