package dev.rewards.ledger.messaging;

import dev.rewards.contracts.Topics;
import dev.rewards.ledger.account.AccountContentionException;
import dev.rewards.support.store.StoreOutages;
import dev.rewards.support.system.Causes;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when a command cannot be processed. The Kafka transaction is rolled back, then:
 *
 * <ul>
 *   <li>the store or the account is temporarily unavailable: retry the same record with growing
 *       pauses, for as long as it takes. Nothing is dead-lettered for an outage; the partition
 *       waits, which keeps one user's commands in order.
 *   <li>the record can never be applied (undecodable, invalid): after a couple of quick retries it
 *       goes to {@link Topics#COMMANDS_DEAD_LETTER} with the error in its headers, and the
 *       partition moves on.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class CommandFailureHandling {

  @Bean
  DefaultAfterRollbackProcessor<Object, Object> commandAfterRollbackProcessor(
      KafkaTemplate<Object, Object> kafka) {
    var deadLetters =
        new DeadLetterPublishingRecoverer(
            kafka, (record, e) -> new TopicPartition(Topics.COMMANDS_DEAD_LETTER, -1));
    var processor =
        new DefaultAfterRollbackProcessor<Object, Object>(
            deadLetters, new FixedBackOff(200, 2), kafka, true);
    BackOff untilTheStoreIsBack = StoreOutages.untilTheStoreIsBack();
    processor.setBackOffFunction((record, e) -> isTransient(e) ? untilTheStoreIsBack : null);
    return processor;
  }

  static boolean isTransient(Throwable failure) {
    return Causes.include(failure, AccountContentionException.class)
        || StoreOutages.isOutage(failure);
  }
}
