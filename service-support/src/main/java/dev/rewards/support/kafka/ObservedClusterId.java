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
 * The cluster id that Kafka send observations name, looked up in the background only.
 *
 * <p>With observations on, a template asks its admin for the cluster id on every send until it gets
 * one, holding a lock meanwhile. Through the context's admin, while the broker is unreachable, each
 * ask blocked the sending thread for the admin's full timeouts (measured: 61 s before a purchase
 * got its 503), and concurrent sends queued behind it. Here the templates ask an admin that answers
 * only what a background lookup has found — null until then, and the send's trace simply names no
 * cluster — so a send never waits for it. The context's admin, which creates the topics, keeps its
 * patient timeouts.
 */
final class ObservedClusterId
    implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ObservedClusterId.class);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration LAST_RETRY = Duration.ofMinutes(1);

  private final FoundClusterId found;
  private final ObjectProvider<KafkaTemplate<?, ?>> templates;

  ObservedClusterId(KafkaAdmin contextAdmin, ObjectProvider<KafkaTemplate<?, ?>> templates) {
    this.found = new FoundClusterId(contextAdmin.getConfigurationProperties());
    this.templates = templates;
  }

  /** Runs after every template has picked the context's admin: they ask this one instead. */
  @Override
  public void afterSingletonsInstantiated() {
    templates.orderedStream().forEach(template -> template.setKafkaAdmin(found));
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
  void lookUpUntilKnown() {
    Duration pause = FIRST_RETRY;
    while (!found.lookUp()) {
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

  /** An admin whose {@link #clusterId()} answers at once with what {@link #lookUp()} found. */
  static final class FoundClusterId extends KafkaAdmin {

    private volatile String clusterId;

    FoundClusterId(Map<String, Object> contextConfig) {
      super(quick(contextConfig));
      setAutoCreate(false);
      setOperationTimeout((int) LOOKUP_TIMEOUT.toSeconds());
    }

    private static Map<String, Object> quick(Map<String, Object> contextConfig) {
      Map<String, Object> config = new HashMap<>(contextConfig);
      int millis = (int) LOOKUP_TIMEOUT.toMillis();
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
      // closing the admin waits for its unfinished calls up to this long
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
      return config;
    }

    /** The id found so far, or null: never asks the broker. */
    @Override
    public String clusterId() {
      return clusterId;
    }

    /** Asks the broker (up to about two seconds) unless already known; whether it is known now. */
    boolean lookUp() {
      if (clusterId == null) {
        clusterId = super.clusterId();
      }
      return clusterId != null;
    }
  }
}
