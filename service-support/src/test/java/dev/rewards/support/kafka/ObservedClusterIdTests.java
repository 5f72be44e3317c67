package dev.rewards.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class ObservedClusterIdTests {

  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void aSenderIsToldOnlyTheClusterIdTheBackgroundLookupFoundNeverAskingTheBrokerItself() {
    String bootstrap = broker.getBrokersAsString();
    KafkaAdmin contextAdmin =
        new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    KafkaTemplate<Object, Object> template =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
    template.setKafkaAdmin(contextAdmin);
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("kafkaTemplate", template);
    ObjectProvider<KafkaTemplate<?, ?>> templates =
        beans.getBeanProvider(ResolvableType.forClass(KafkaTemplate.class));
    ObservedClusterId observed = new ObservedClusterId(contextAdmin, templates);

    observed.afterSingletonsInstantiated();

    KafkaAdmin asked = template.getKafkaAdmin();
    assertThat(asked).isNotSameAs(contextAdmin);
    assertThat(asked.clusterId())
        .as("the broker answers, but nothing has looked the id up yet")
        .isNull();

    observed.lookUpUntilKnown();

    assertThat(asked.clusterId()).isNotNull().isEqualTo(contextAdmin.clusterId());
    assertThat(contextAdmin.getOperationTimeout())
        .as("the admin that creates topics keeps its own timeouts")
        .isEqualTo(30);
  }
}
