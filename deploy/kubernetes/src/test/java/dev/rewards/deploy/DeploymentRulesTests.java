package dev.rewards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rendered chart keeps every rule, and each rule catches the object that breaks it. */
class DeploymentRulesTests {

  @ParameterizedTest
  @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
  void theRenderedChartKeepsEveryRule(String environment) {
    assertThat(DeploymentRules.violations(RenderedChart.render(environment))).isEmpty();
  }

  @Test
  void aServiceWithoutAReadinessProbeIsCaught() {
    assertThat(
            DeploymentRules.probes(
                breakFirst("Deployment", d -> container(d).remove("readinessProbe"))))
        .singleElement()
        .asString()
        .contains("readinessProbe");
  }

  @Test
  void aContainerWithoutAMemoryLimitIsCaught() {
    assertThat(
            DeploymentRules.resources(
                breakFirst(
                    "StatefulSet",
                    s ->
                        ((ObjectNode) container(s).path("resources").path("limits"))
                            .remove("memory"))))
        .singleElement()
        .asString()
        .contains("limits.memory");
  }

  @Test
  void anImageWithoutAVersionOrWithLatestIsCaught() {
    assertThat(
            DeploymentRules.pinnedImages(
                breakFirst("Deployment", d -> container(d).put("image", "ghcr.io/x/api:latest"))))
        .hasSize(1);
    assertThat(
            DeploymentRules.pinnedImages(
                breakFirst("Deployment", d -> container(d).put("image", "redis"))))
        .hasSize(1);
  }

  @Test
  void aCredentialSetInPlainTextOrASecretWrittenByTheChartIsCaught() {
    var literal =
        breakFirst(
            "Deployment",
            d -> {
              ArrayNode env = (ArrayNode) container(d).path("env");
              env.addObject().put("name", "REWARDS_ADMIN_TOKEN_EXTRA").put("value", "hunter2");
            });
    assertThat(DeploymentRules.secrets(literal))
        .singleElement()
        .asString()
        .contains("REWARDS_ADMIN_TOKEN_EXTRA");

    List<JsonNode> withSecret = new ArrayList<>(RenderedChart.render("values-dev.yaml"));
    withSecret.addAll(
        RenderedChart.parse(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {REWARDS_ADMIN_TOKEN: x}\n"));
    assertThat(DeploymentRules.secrets(withSecret))
        .singleElement()
        .asString()
        .contains("Secret/creds");
  }

  @Test
  void aContainerThatMayWriteItsRootFilesystemIsCaught() {
    assertThat(
            DeploymentRules.hardened(
                breakFirst(
                    "Deployment",
                    d ->
                        ((ObjectNode) container(d).path("securityContext"))
                            .put("readOnlyRootFilesystem", false))))
        .singleElement()
        .asString()
        .contains("root filesystem");
  }

  @Test
  void moreWorkerThreadsThanPartitionsAreCaught() {
    var oversized =
        breakFirst("ScaledObject", s -> ((ObjectNode) s.path("spec")).put("maxReplicaCount", 100));
    assertThat(DeploymentRules.partitions(oversized))
        .singleElement()
        .asString()
        .contains("partitions");
  }

  @Test
  void aWorkerOpenToEveryoneOrAMissingDefaultDenyIsCaught() {
    var open =
        breakFirst(
            "NetworkPolicy",
            p -> {
              ObjectNode spec = (ObjectNode) p.path("spec");
              spec.putObject("podSelector")
                  .putObject("matchLabels")
                  .put("app.kubernetes.io/name", "ledger-worker");
              spec.putArray("ingress").addObject();
            });
    assertThat(DeploymentRules.exposure(open))
        .anyMatch(v -> v.contains("lets anyone reach ledger-worker"))
        .anyMatch(v -> v.contains("no NetworkPolicy denies ingress by default"));
  }

  @Test
  void aServiceWithoutADisruptionBudgetIsCaught() {
    List<JsonNode> objects = new ArrayList<>(RenderedChart.render("values-prod.yaml"));
    objects.removeIf(o -> RenderedChart.name(o).equals("PodDisruptionBudget/rewards-api-service"));

    assertThat(DeploymentRules.resilience(objects))
        .singleElement()
        .asString()
        .contains("rewards-api-service");
  }

  /** The prod rendering with the first object of a kind changed. */
  private static List<JsonNode> breakFirst(String kind, Consumer<ObjectNode> change) {
    List<JsonNode> objects = new ArrayList<>();
    boolean changed = false;
    for (JsonNode object : RenderedChart.render("values-prod.yaml")) {
      if (!changed && RenderedChart.kind(object).equals(kind)) {
        ObjectNode copy = object.deepCopy();
        change.accept(copy);
        objects.add(copy);
        changed = true;
      } else {
        objects.add(object);
      }
    }
    return objects;
  }

  private static ObjectNode container(ObjectNode workload) {
    return (ObjectNode) DeploymentRules.podSpec(workload).path("containers").get(0);
  }
}
