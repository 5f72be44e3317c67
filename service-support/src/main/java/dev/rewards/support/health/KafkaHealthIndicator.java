package dev.rewards.support.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** UP only while the broker answers a cluster description within the timeout. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final KafkaAdmin kafkaAdmin;
  private final Duration timeout;
  private volatile Admin admin;

  public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
    super("Kafka health check failed");
    this.kafkaAdmin = kafkaAdmin;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    int millis = (int) timeout.toMillis();
    DescribeClusterResult cluster =
        admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis));
    String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
    int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
  }

  private Admin admin() {
    if (admin == null) {
      synchronized (this) {
        if (admin == null) {
          Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
          config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
          config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
          config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
          admin = Admin.create(config);
        }
      }
    }
    return admin;
  }

  @Override
  public void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
