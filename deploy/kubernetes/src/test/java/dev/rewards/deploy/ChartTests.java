package dev.rewards.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart lints, renders for each environment, and every object it renders is well-formed. */
class ChartTests {

  @Test
  void lintsWithoutWarningsInStrictMode() {
    var lint = new Helm(RenderedChart.CHART).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).allMatch(message -> message.startsWith("[INFO]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
  void everyRenderedObjectReadsStrictlyIntoTheModelOfItsKind(String environment) {
    List<JsonNode> objects = RenderedChart.render(environment);

    assertThat(objects)
        .extracting(RenderedChart::kind)
        .contains(
            "Deployment",
            "StatefulSet",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "ScaledObject",
            "HorizontalPodAutoscaler",
            "NetworkPolicy",
            "PodDisruptionBudget");
    assertThat(objects).flatExtracting(StrictModels::problems).isEmpty();
  }

  @Test
  void productionRunsThreeBrokersAndThreeStoreMembersWithReplicatedTopics() {
    List<JsonNode> objects = RenderedChart.render("values-prod.yaml");

    JsonNode pool = DeploymentRules.ofKind(objects, "KafkaNodePool").get(0);
    assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(DeploymentRules.ofKind(objects, "KafkaTopic"))
        .extracting(topic -> topic.path("spec").path("topicName").asText())
        .containsExactlyInAnyOrder("rewards.commands", "rewards.events", "rewards.commands.dlt");
    assertThat(DeploymentRules.ofKind(objects, "KafkaTopic"))
        .allSatisfy(
            topic -> {
              assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
              assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt())
                  .isEqualTo(2);
            });
    JsonNode mongo =
        DeploymentRules.ofKind(objects, "StatefulSet").stream()
            .filter(s -> s.path("metadata").path("name").asText().endsWith("mongodb"))
            .findFirst()
            .orElseThrow();
    assertThat(mongo.path("spec").path("replicas").asInt()).isEqualTo(3);
  }

  @Test
  void aMisspeltFieldIsReportedWithItsPath() {
    ObjectNode deployment =
        (ObjectNode) first(RenderedChart.render("values-dev.yaml"), "Deployment").deepCopy();
    ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
        .put("imagePullPolicyy", "Always");

    assertThat(StrictModels.problems(deployment))
        .singleElement()
        .asString()
        .contains("containers[0]")
        .contains("imagePullPolicyy");
  }

  @Test
  void aMisplacedStrimziFieldIsReported() {
    ObjectNode kafka =
        (ObjectNode) first(RenderedChart.render("values-dev.yaml"), "Kafka").deepCopy();
    ((ObjectNode) kafka.path("spec").path("kafka")).put("partitions", 12);

    assertThat(StrictModels.problems(kafka)).singleElement().asString().contains("partitions");
  }

  @Test
  void aKafkaScalerParameterThatDoesNotExistOrIsNotAStringIsReported() {
    ObjectNode scaled =
        (ObjectNode) first(RenderedChart.render("values-dev.yaml"), "ScaledObject").deepCopy();
    ObjectNode metadata = (ObjectNode) scaled.path("spec").path("triggers").get(0).path("metadata");
    metadata.put("lagTreshold", "10");
    metadata.put("lagThreshold", 10);

    assertThat(StrictModels.problems(scaled))
        .anyMatch(p -> p.contains("no parameter lagTreshold"))
        .anyMatch(p -> p.contains("lagThreshold must be a string"));
  }

  @Test
  void aKindWithoutAModelIsRefused() {
    JsonNode ingress =
        RenderedChart.parse(
                "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n")
            .get(0);

    assertThat(StrictModels.problems(ingress)).singleElement().asString().contains("no model");
  }

  @Test
  void refusesToRenderWithTheLatestImage() {
    assertThatThrownBy(() -> RenderedChart.render("values-dev.yaml", Map.of("image.tag", "latest")))
        .hasMessageContaining("not latest");
  }

  @Test
  void refusesMoreWorkerThreadsThanPartitions() {
    assertThatThrownBy(
            () ->
                RenderedChart.render(
                    "values-prod.yaml", Map.of("services.ledger.replicas.max", "13")))
        .hasMessageContaining("exceeds kafka.partitions");
  }

  static JsonNode first(List<JsonNode> objects, String kind) {
    return DeploymentRules.ofKind(objects, kind).get(0);
  }
}
