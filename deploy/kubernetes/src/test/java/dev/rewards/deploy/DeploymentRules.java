package dev.rewards.deploy;

import static dev.rewards.deploy.RenderedChart.kind;
import static dev.rewards.deploy.RenderedChart.name;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules every rendered deployment keeps, each a function from the objects to what breaks it
 * (empty when kept), so a test can show each one catching a broken object.
 */
final class DeploymentRules {

  private DeploymentRules() {}

  static final Map<String, Function<List<JsonNode>, List<String>>> ALL =
      Map.of(
          "long-running containers have readiness and liveness probes", DeploymentRules::probes,
          "every container has CPU and memory requests and limits", DeploymentRules::resources,
          "every image is pinned to a version, never latest", DeploymentRules::pinnedImages,
          "credentials only come from Secrets the chart does not write", DeploymentRules::secrets,
          "pods run as non-root with a read-only root filesystem", DeploymentRules::hardened,
          "a topic's partitions cover its consumer group at full scale",
              DeploymentRules::partitions,
          "only api-service and notifier-service are open to everyone", DeploymentRules::exposure,
          "each service has a disruption budget and spreads over nodes",
              DeploymentRules::resilience);

  static List<String> violations(List<JsonNode> objects) {
    List<String> all = new ArrayList<>();
    ALL.forEach((rule, check) -> check.apply(objects).forEach(v -> all.add(rule + ": " + v)));
    return all;
  }

  static List<String> probes(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode object : objects) {
      if (!Set.of("Deployment", "StatefulSet").contains(kind(object))) {
        continue;
      }
      for (JsonNode container : podSpec(object).path("containers")) {
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          if (container.path(probe).isMissingNode()) {
            found.add(
                name(object)
                    + " container "
                    + container.path("name").asText()
                    + " has no "
                    + probe);
          }
        }
      }
    }
    return found;
  }

  static List<String> resources(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode object : objects) {
      for (JsonNode container : allContainers(object)) {
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            if (resources.path(bound).path(resource).asText().isEmpty()) {
              found.add(
                  name(object)
                      + " container "
                      + container.path("name").asText()
                      + " has no "
                      + bound
                      + "."
                      + resource);
            }
          }
        }
      }
    }
    return found;
  }

  private static final Pattern PINNED =
      Pattern.compile("^[^@]+:(?!latest$)[\\w][\\w.-]{0,127}$|^.+@sha256:[0-9a-f]{64}$");

  static List<String> pinnedImages(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode object : objects) {
      for (JsonNode container : allContainers(object)) {
        String image = container.path("image").asText();
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        if (!PINNED.matcher(lastPart).matches()) {
          found.add(name(object) + " image '" + image + "' is not pinned to a version");
        }
      }
    }
    return found;
  }

  /** Names of settings that carry credentials, in any service or infrastructure container. */
  private static final Pattern CREDENTIAL =
      Pattern.compile(".*(TOKEN|PASSWORD|SECRET|API_KEYS|KEYFILE|MONGODB_URI|REDIS_URL).*");

  static List<String> secrets(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode object : objects) {
      if (kind(object).equals("Secret")) {
        found.add(
            name(object) + " is written by the chart: credentials belong in a Secret made apart");
      }
      if (kind(object).equals("ConfigMap")) {
        object
            .path("data")
            .fieldNames()
            .forEachRemaining(
                key -> {
                  if (CREDENTIAL.matcher(key).matches()) {
                    found.add(name(object) + " holds " + key + ", a credential, in plain text");
                  }
                });
      }
      for (JsonNode container : allContainers(object)) {
        for (JsonNode env : container.path("env")) {
          String key = env.path("name").asText();
          if (CREDENTIAL.matcher(key).matches()
              && env.path("valueFrom").path("secretKeyRef").isMissingNode()) {
            found.add(name(object) + " sets " + key + " without a secretKeyRef");
          }
        }
      }
    }
    return found;
  }

  static List<String> hardened(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode object : objects) {
      JsonNode pod = podSpec(object);
      if (pod.isMissingNode()) {
        continue;
      }
      if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
        found.add(name(object) + " may run as root (securityContext.runAsNonRoot)");
      }
      for (JsonNode container : allContainers(object)) {
        JsonNode security = container.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
          found.add(
              name(object)
                  + " container "
                  + container.path("name").asText()
                  + " can write its root filesystem");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
          found.add(
              name(object)
                  + " container "
                  + container.path("name").asText()
                  + " may escalate privileges");
        }
      }
    }
    return found;
  }

  /**
   * A group never has more busy consumers than its topic has partitions: a worker's maximum
   * instances times its listener threads must not exceed them.
   */
  static List<String> partitions(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode scaled : ofKind(objects, "ScaledObject")) {
      String target = scaled.path("spec").path("scaleTargetRef").path("name").asText();
      int maxReplicas = scaled.path("spec").path("maxReplicaCount").asInt(100);
      int threads =
          ofKind(objects, "Deployment").stream()
              .filter(d -> d.path("metadata").path("name").asText().equals(target))
              .flatMap(d -> stream(podSpec(d).path("containers")))
              .flatMap(c -> stream(c.path("env")))
              .filter(env -> env.path("name").asText().endsWith("_CONCURRENCY"))
              .map(env -> Integer.parseInt(env.path("value").asText()))
              .findFirst()
              .orElse(1);
      for (JsonNode trigger : scaled.path("spec").path("triggers")) {
        String topic = trigger.path("metadata").path("topic").asText();
        var declared =
            ofKind(objects, "KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asText().equals(topic))
                .findFirst();
        if (declared.isEmpty()) {
          found.add(name(scaled) + " scales on topic " + topic + ", which no KafkaTopic declares");
        } else if (declared.get().path("spec").path("partitions").asInt() < maxReplicas * threads) {
          found.add(
              "%s: %d instances x %d threads > %d partitions of %s"
                  .formatted(
                      name(scaled),
                      maxReplicas,
                      threads,
                      declared.get().path("spec").path("partitions").asInt(),
                      topic));
        }
      }
    }
    return found;
  }

  private static final Set<String> PUBLIC = Set.of("api-service", "notifier-service");

  static List<String> exposure(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode service : ofKind(objects, "Service")) {
      String type = service.path("spec").path("type").asText("ClusterIP");
      String app = service.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
      if (!type.equals("ClusterIP") && !PUBLIC.contains(app)) {
        found.add(name(service) + " is of type " + type);
      }
    }
    boolean defaultDeny = false;
    for (JsonNode policy : ofKind(objects, "NetworkPolicy")) {
      JsonNode spec = policy.path("spec");
      if (spec.path("podSelector").isEmpty() && spec.path("ingress").isEmpty()) {
        defaultDeny = true;
      }
      for (JsonNode rule : spec.path("ingress")) {
        String selected =
            spec.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
        if (rule.path("from").isEmpty() && !PUBLIC.contains(selected)) {
          found.add(
              name(policy) + " lets anyone reach " + (selected.isEmpty() ? "every pod" : selected));
        }
      }
    }
    if (!defaultDeny) {
      found.add("no NetworkPolicy denies ingress by default");
    }
    return found;
  }

  static List<String> resilience(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    for (JsonNode workload : objects) {
      if (!Set.of("Deployment", "StatefulSet").contains(kind(workload))) {
        continue;
      }
      JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
      boolean budgeted =
          ofKind(objects, "PodDisruptionBudget").stream()
              .anyMatch(
                  pdb -> matches(pdb.path("spec").path("selector").path("matchLabels"), labels));
      int replicas = workload.path("spec").path("replicas").asInt(1);
      boolean service = kind(workload).equals("Deployment");
      if (service && !budgeted) {
        found.add(name(workload) + " has no PodDisruptionBudget");
      }
      JsonNode pod = podSpec(workload);
      boolean spread =
          !pod.path("topologySpreadConstraints").isEmpty()
              || !pod.path("affinity").path("podAntiAffinity").isMissingNode();
      if ((service || replicas > 1) && !spread) {
        found.add(name(workload) + " does not spread its pods over nodes");
      }
    }
    return found;
  }

  private static boolean matches(JsonNode selector, JsonNode labels) {
    if (selector.isEmpty()) {
      return false;
    }
    var fields = selector.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (!labels.path(entry.getKey()).asText().equals(entry.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  static JsonNode podSpec(JsonNode object) {
    return object.path("spec").path("template").path("spec");
  }

  static List<JsonNode> allContainers(JsonNode object) {
    List<JsonNode> containers = new ArrayList<>();
    JsonNode pod = podSpec(object);
    pod.path("initContainers").forEach(containers::add);
    pod.path("containers").forEach(containers::add);
    return containers;
  }

  static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind(o).equals(kind)).toList();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }
}
