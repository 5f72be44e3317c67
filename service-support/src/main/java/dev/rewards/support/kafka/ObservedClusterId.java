package dev.rewards.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The cluster id that Kafka send observations name, looked up off the request path.
 *
 * <p>With observations on, a template looks the cluster id up on its first send, through the
 * context's admin. While the broker is unreachable that lookup blocks the sending thread for the
 * admin's full timeouts (measured: 61 s before a purchase got its 503), and is tried again on every
 * send until it succeeds. Here the templates ask an admin of their own that gives up within about
 * two seconds, and the id is fetched in the background from start-up on, so a send normally finds
 * it already known. The context's admin, which creates the topics, keeps its patient timeouts.
 */
final class ObservedClusterId
    implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ObservedClusterId.class);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration LAST_RETRY = Duration.ofMinutes(1);

  private final KafkaAdmin lookups;
  private final ObjectProvider<KafkaTemplate<?, ?>> templates;

  ObservedClusterId(KafkaAdmin contextAdmin, ObjectProvider<KafkaTemplate<?, ?>> templates) {
    this.lookups = quickAdmin(contextAdmin.getConfigurationProperties());
    this.templates = templates;
  }

  private static KafkaAdmin quickAdmin(Map<String, Object> base) {
    Map<String, Object> config = new HashMap<>(base);
    int millis = (int) LOOKUP_TIMEOUT.toMillis();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    // closing the admin waits for its unfinished calls up to this long
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    KafkaAdmin admin = new KafkaAdmin(config);
    admin.setAutoCreate(false);
    admin.setOperationTimeout((int) LOOKUP_TIMEOUT.toSeconds());
    return admin;
  }

  /** Runs after every template has picked the context's admin: they use the quick one instead. */
  @Override
  public void afterSingletonsInstantiated() {
    templates.orderedStream().forEach(template -> template.setKafkaAdmin(lookups));
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    Thread lookup = new Thread(this::lookUpUntilKnown, "kafka-cluster-id");
    lookup.setDaemon(true);
    lookup.start();
  }

  /**
   * Each failed lookup logs an error (the admin's own), so while the broker stays away the lookups
   * grow further apart.
   */
  private void lookUpUntilKnown() {
    Duration pause = FIRST_RETRY;
    while (lookups.clusterId() == null) {
      log.warn(
          "The Kafka cluster id could not be read (broker unreachable?); trying again in {} s",
          pause.toSeconds());
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Duration doubled = pause.multipliedBy(2);
      pause = doubled.compareTo(LAST_RETRY) < 0 ? doubled : LAST_RETRY;
    }
  }
}
