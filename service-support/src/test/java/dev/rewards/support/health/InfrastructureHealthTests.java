package dev.rewards.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.testing.EmbeddedStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
    classes = InfrastructureHealthTests.App.class,
    properties = "rewards.health.timeout=2s")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = EmbeddedStores.class)
class InfrastructureHealthTests {

  @SpringBootApplication
  static class App {}

  @Autowired KafkaHealthIndicator kafka;
  @Autowired MongoPingHealthIndicator mongo;

  @Test
  void reportsKafkaUpWhenTheBrokerAnswers() {
    var health = kafka.health(true);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("nodes", 1);
  }

  @Test
  void reportsMongoUpWhenTheStoreAnswersPing() {
    assertThat(mongo.health(true).getStatus()).isEqualTo(Status.UP);
  }
}
