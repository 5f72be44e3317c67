package dev.rewards.support.kafka;

import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.RewardsEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes commands and events in their contract JSON form. Raw bytes pass through unchanged: that is
 * how an undecodable record reaches the dead-letter topic exactly as it arrived.
 */
public class ContractSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object message) {
    if (message == null) {
      return null;
    }
    if (message instanceof byte[] raw) {
      return raw;
    }
    if (message instanceof RewardsCommand command) {
      return MessageJson.write(command);
    }
    if (message instanceof RewardsEvent event) {
      return MessageJson.write(event);
    }
    throw new SerializationException(
        "not a Rewards message: " + message.getClass().getName() + " (topic " + topic + ")");
  }
}
