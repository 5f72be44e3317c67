package dev.rewards.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

class ObservedClusterIdTests {

  @Test
  void templatesLookTheClusterIdUpThroughAnAdminThatGivesUpWithinTwoSeconds() {
    KafkaAdmin contextAdmin =
        new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"));
    KafkaTemplate<Object, Object> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9")));
    template.setKafkaAdmin(contextAdmin);
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("kafkaTemplate", template);

    ObjectProvider<KafkaTemplate<?, ?>> templates =
        beans.getBeanProvider(ResolvableType.forClass(KafkaTemplate.class));

    new ObservedClusterId(contextAdmin, templates).afterSingletonsInstantiated();

    KafkaAdmin lookups = template.getKafkaAdmin();
    assertThat(lookups).isNotSameAs(contextAdmin);
    assertThat(lookups.getOperationTimeout()).isEqualTo(2);
    assertThat(lookups.getConfigurationProperties())
        .containsEntry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9")
        .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000)
        .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    assertThat(contextAdmin.getOperationTimeout())
        .as("the admin that creates topics keeps its own timeouts")
        .isEqualTo(30);
  }
}
