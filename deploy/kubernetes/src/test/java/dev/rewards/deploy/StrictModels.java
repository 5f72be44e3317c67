package dev.rewards.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads each rendered object into the model of its kind and version — Kubernetes' own (fabric8),
 * Strimzi's, the Prometheus Operator's (fabric8) or KEDA's (kept here) — and refuses anything the
 * model does not know. These models keep unknown fields aside instead of failing, so every object
 * read is walked and any field kept aside is reported with its path: a misspelt or misplaced field
 * fails the build here instead of being dropped by the cluster.
 */
final class StrictModels {

  /** apiVersion and kind → model. A kind not listed is itself an error. */
  static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
          Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
          Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
          Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
          Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
          Map.entry("batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class),
          Map.entry(
              "policy/v1/PodDisruptionBudget",
              io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
          Map.entry(
              "autoscaling/v2/HorizontalPodAutoscaler",
              io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
          Map.entry(
              "networking.k8s.io/v1/NetworkPolicy",
              io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
          Map.entry(
              "kafka.strimzi.io/v1/KafkaNodePool",
              io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
          Map.entry(
              "kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
          Map.entry(
              "monitoring.coreos.com/v1/ServiceMonitor",
              io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
          Map.entry("keda.sh/v1alpha1/ScaledObject", ScaledObject.class));

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private StrictModels() {}

  /**
   * What is wrong with one object, by path; empty if its model reads all of it.
   *
   * @param object one rendered document
   */
  static List<String> problems(JsonNode object) {
    String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    Class<?> model = MODELS.get(type);
    if (model == null) {
      return List.of(type + ": no model for this kind and version");
    }
    Object read;
    try {
      read = MAPPER.treeToValue(object, model);
    } catch (Exception e) {
      return List.of(
          RenderedChart.name(object) + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> problems = new ArrayList<>();
    unknownFields(read, RenderedChart.name(object), problems, new IdentityHashMap<>());
    if (read instanceof ScaledObject scaled) {
      triggerProblems(scaled, RenderedChart.name(object), problems);
    }
    return problems;
  }

  /** KEDA reads trigger metadata as strings, and the Kafka scaler only its own parameters. */
  private static void triggerProblems(ScaledObject scaled, String path, List<String> problems) {
    if (scaled.spec() == null || scaled.spec().triggers() == null) {
      problems.add(path + ": spec.triggers missing");
      return;
    }
    for (ScaledObject.Trigger trigger : scaled.spec().triggers()) {
      trigger
          .metadata()
          .forEach(
              (key, value) -> {
                if (!value.isTextual()) {
                  problems.add(path + ": trigger metadata " + key + " must be a string");
                }
                if ("kafka".equals(trigger.type())
                    && !ScaledObject.KAFKA_PARAMETERS.contains(key)) {
                  problems.add(path + ": the Kafka scaler has no parameter " + key);
                }
              });
    }
  }

  private static void unknownFields(
      Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
    if (value instanceof Record record) {
      for (var component : record.getClass().getRecordComponents()) {
        try {
          Object part = component.getAccessor().invoke(record);
          unknownFields(part, path + "." + component.getName(), problems, seen);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return;
    }
    if (value == null || !isModel(value.getClass()) || seen.put(value, true) != null) {
      if (value instanceof Collection<?> items) {
        int i = 0;
        for (Object item : items) {
          unknownFields(item, path + "[" + i++ + "]", problems, seen);
        }
      } else if (value instanceof Map<?, ?> entries) {
        entries.forEach((key, item) -> unknownFields(item, path + "." + key, problems, seen));
      }
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (!isProperty(getter)) {
        continue;
      }
      Object property;
      try {
        property = getter.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue; // a derived value the model cannot compute is not a field
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": unknown field(s) " + extra.keySet());
        }
      } else {
        unknownFields(property, path + "." + propertyName(getter), problems, seen);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    String name = type.getName();
    return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
  }

  private static final Set<String> NOT_FIELDS = Set.of("getClass", "getPlural", "getSingular");

  private static boolean isProperty(Method method) {
    return method.getParameterCount() == 0
        && !method.isBridge()
        && !Modifier.isStatic(method.getModifiers())
        && method.getName().startsWith("get")
        && !NOT_FIELDS.contains(method.getName());
  }

  private static String propertyName(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
