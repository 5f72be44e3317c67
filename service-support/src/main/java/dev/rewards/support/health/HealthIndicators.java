package dev.rewards.support.health;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health indicators that really reach the infrastructure. Bean names follow Boot's convention, so
 * they show as {@code kafka} and {@code mongo} and can be listed in the readiness group.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration"
    },
    beforeName =
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class HealthIndicators {

  @Bean
  @ConditionalOnBean(KafkaAdmin.class)
  KafkaHealthIndicator kafkaHealthIndicator(
      KafkaAdmin kafkaAdmin, @Value("${rewards.health.timeout:3s}") Duration timeout) {
    return new KafkaHealthIndicator(kafkaAdmin, timeout);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MongoClient.class)
  static class Mongo {

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoClient mongo) {
      return new MongoPingHealthIndicator(mongo);
    }
  }
}
