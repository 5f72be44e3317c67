package dev.rewards.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * KEDA's {@code keda.sh/v1alpha1} ScaledObject as its API reference defines it (KEDA 2.x), for
 * reading the chart's objects strictly: no Java model of KEDA is published, so this one is kept
 * here, every field of the spec included, each known field with its type.
 */
record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

  record Spec(
      TargetRef scaleTargetRef,
      Integer pollingInterval,
      Integer cooldownPeriod,
      Integer initialCooldownPeriod,
      Integer idleReplicaCount,
      Integer minReplicaCount,
      Integer maxReplicaCount,
      Fallback fallback,
      JsonNode advanced,
      List<Trigger> triggers) {}

  record TargetRef(String name, String apiVersion, String kind, String envSourceContainerName) {}

  record Fallback(Integer failureThreshold, Integer replicas, String behavior) {}

  record Trigger(
      String type,
      String name,
      Map<String, JsonNode> metadata,
      AuthenticationRef authenticationRef,
      String metricType,
      Boolean useCachedMetrics) {}

  record AuthenticationRef(String name, String kind) {}

  /** The parameters of KEDA's Kafka scaler. */
  static final java.util.Set<String> KAFKA_PARAMETERS =
      java.util.Set.of(
          "bootstrapServers",
          "bootstrapServersFromEnv",
          "consumerGroup",
          "consumerGroupFromEnv",
          "topic",
          "topicFromEnv",
          "lagThreshold",
          "activationLagThreshold",
          "offsetResetPolicy",
          "allowIdleConsumers",
          "scaleToZeroOnInvalidOffset",
          "excludePersistentLag",
          "limitToPartitionsWithLag",
          "ensureEvenDistributionOfPartitions",
          "version",
          "partitionLimitation",
          "sasl",
          "tls",
          "unsafeSsl");
}
