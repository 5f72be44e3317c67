package dev.rewards.ledger.messaging;

import dev.rewards.contracts.RewardsCommand;
import dev.rewards.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Feeds commands from Kafka to the processor, one at a time per partition (so per user). */
@Component
class CommandListener {

  /** Listener id, for tests and operators that stop and start the container. */
  static final String ID = "ledger";

  private final CommandProcessor processor;

  CommandListener(CommandProcessor processor) {
    this.processor = processor;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.COMMANDS)
  void on(
      RewardsCommand command,
      @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
      @Header(KafkaHeaders.OFFSET) long offset) {
    processor.process(command, Topics.COMMANDS + "-" + partition + "@" + offset);
  }
}
