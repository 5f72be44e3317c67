package dev.rewards.support.kafka;

import dev.rewards.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka set-up every process shares. Every process declares all Rewards topics, so whichever starts
 * first creates them and none depends on the broker auto-creating topics (which production brokers
 * should disable).
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicSettings.class)
public class TopicDeclarations {

  @Bean
  KafkaAdmin.NewTopics rewardsTopics(TopicSettings settings) {
    return new KafkaAdmin.NewTopics(
        topic(Topics.COMMANDS, settings),
        topic(Topics.EVENTS, settings),
        topic(Topics.COMMANDS_DEAD_LETTER, settings));
  }

  /** Sends never wait on the cluster id their observations name (see {@link ObservedClusterId}). */
  @Bean
  ObservedClusterId observedClusterId(
      KafkaAdmin admin, ObjectProvider<KafkaTemplate<?, ?>> templates) {
    return new ObservedClusterId(admin, templates);
  }

  @Bean(ReadingWithoutCommits.BEAN)
  ReadingWithoutCommits readingWithoutCommits() {
    return new ReadingWithoutCommits();
  }

  private static NewTopic topic(String name, TopicSettings settings) {
    return TopicBuilder.name(name)
        .partitions(settings.partitions())
        .replicas(settings.replicationFactor())
        .build();
  }
}
