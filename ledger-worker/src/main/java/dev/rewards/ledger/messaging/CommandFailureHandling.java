package dev.rewards.ledger.messaging;

import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.AccountContentionException;
import dev.rewards.support.store.StoreOutages;
import dev.rewards.support.system.Causes;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;

/**
 * What happens when a command cannot be processed. Commands are processed in batches, one Kafka
 * transaction per batch (see {@link CommandListener}); a failure rolls the whole batch back, then:
 *
 * <ul>
 *   <li>the store or the account is temporarily unavailable: the batch is redelivered after growing
 *       pauses, for as long as it takes. Nothing is dead-lettered for an outage; the partition
 *       waits, which keeps one user's commands in order.
 *   <li>anything else: the listener applies the batch again record by record to find the record at
 *       fault and counts its failure in the store; the batch rolls back and comes again; on the
 *       record's third failure it goes to {@link Topics#COMMANDS_DEAD_LETTER}, with the error in
 *       its headers, and its command is rejected — inside the batch's own transaction — and the
 *       partition moves on. An undecodable record goes there at once.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CommandFailureHandling {

  private static final Logger log = LoggerFactory.getLogger(CommandFailureHandling.class);

  /** Sends with the listener's transactional template: the dead letter commits with the batch. */
  @Bean
  DeadLetterPublishingRecoverer commandDeadLetters(KafkaTemplate<Object, Object> kafka) {
    return new DeadLetterPublishingRecoverer(
        kafka, (record, e) -> new TopicPartition(Topics.COMMANDS_DEAD_LETTER, -1));
  }

  /**
   * Seeks the rolled-back batch back and pauses before it is redelivered. It never gives up on a
   * batch (that would drop good commands with the bad one): the listener dead-letters a record that
   * keeps failing, so only outages remain to wait out.
   */
  @Bean
  DefaultAfterRollbackProcessor<Object, Object> commandAfterRollbackProcessor() {
    return new DefaultAfterRollbackProcessor<>(
        (record, e) -> log.error("Giving up on {} should never happen: {}", record, e.toString()),
        StoreOutages.untilTheStoreIsBack());
  }

  static boolean isTransient(Throwable failure) {
    return Causes.include(failure, AccountContentionException.class)
        || StoreOutages.isOutage(failure);
  }
}
