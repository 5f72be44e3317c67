package dev.rewards.support.kafka;

import dev.rewards.contracts.MessageJson;
import dev.rewards.contracts.RewardsEvent;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads {@link RewardsEvent}s; wrap it in ErrorHandlingDeserializer like the commands one. */
public class EventDeserializer implements Deserializer<RewardsEvent> {

  @Override
  public RewardsEvent deserialize(String topic, byte[] data) {
    return data == null ? null : MessageJson.readEvent(data);
  }
}
