package dev.rewards.api;

import dev.rewards.support.testing.EmbeddedStores;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole api-service on a random port, against a real embedded Kafka broker, the Mongo-
 * compatible server and a real redis-server. One shared context for every class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"rewards.kafka.partitions=3", "rewards.security.admin-token=test-admin-token"})
@EmbeddedKafka(
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = "auto.create.topics.enable=false")
@ContextConfiguration(initializers = EmbeddedStores.class)
@interface ApiIntegrationTest {}
