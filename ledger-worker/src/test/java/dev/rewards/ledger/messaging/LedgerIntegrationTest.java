package dev.rewards.ledger.messaging;

import dev.rewards.support.testing.EmbeddedStores;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole ledger-worker against a real embedded Kafka broker (with transactions), the Mongo-
 * compatible server and a real redis-server. Classes that use it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "rewards.kafka.partitions=3",
      "LEDGER_PORT=0",
      "REWARDS_ADMIN_TOKEN=ledger-admin",
      // most tests date purchases in 2024, long expired: expiry has tests of its own
      "rewards.expiry.enabled=false"
    })
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {
      "auto.create.topics.enable=false",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1"
    })
@ContextConfiguration(initializers = EmbeddedStores.class)
@interface LedgerIntegrationTest {}
