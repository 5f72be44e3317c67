package dev.rewards.support.kafka;

import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@link RewardsCommand}s. Wrap it in spring-kafka's ErrorHandlingDeserializer so that an
 * undecodable record reaches the error handler (and the dead-letter topic) instead of looping.
 */
public class CommandDeserializer implements Deserializer<RewardsCommand> {

  @Override
  public RewardsCommand deserialize(String topic, byte[] data) {
    return data == null ? null : MessageJson.readCommand(data);
  }
}
