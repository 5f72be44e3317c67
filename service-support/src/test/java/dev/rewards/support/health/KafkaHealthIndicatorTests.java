package dev.rewards.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

class KafkaHealthIndicatorTests {

  @Test
  void reportsDownWhenNoBrokerAnswers() throws Exception {
    int unusedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      unusedPort = socket.getLocalPort();
    }
    KafkaAdmin admin =
        new KafkaAdmin(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + unusedPort));
    KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, Duration.ofMillis(500));
    try {
      assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
    } finally {
      indicator.destroy();
    }
  }
}
