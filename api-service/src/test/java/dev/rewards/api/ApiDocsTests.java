package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Swagger UI at /api and an OpenAPI document that covers every endpoint of the contract. */
@ApiIntegrationTest
class ApiDocsTests {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "post, /rewards/create-user",
    "post, /rewards/add-points/{userId}",
    "post, /rewards/redeem/{userId}",
    "get, /rewards/commands/{commandId}",
    "get, /rewards/points/{userId}",
    "get, /rewards/transactions/{userId}",
    "get, /rewards/redemptions/{userId}",
    "get, /rewards/statement/{userId}",
    "post, /rewards/refund/{userId}",
    "post, /rewards/cancel-redemption/{userId}",
    "post, /rewards/admin/adjust/{userId}",
    "post, /rewards/holds/{userId}",
    "post, /rewards/holds/{userId}/{holdId}/capture",
    "post, /rewards/holds/{userId}/{holdId}/void",
    "get, /rewards/tiers",
    "get, /rewards/options",
    "get, /analytics/rewards-distribution",
  })
  void documentsEveryEndpointWithASummary(String method, String path) {
    JsonNode operation = apiDocs().path("paths").path(path).path(method);

    assertThat(operation.isMissingNode()).as("%s %s documented", method, path).isFalse();
    assertThat(operation.path("summary").asString()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"CreateUserRequest, email", "EarnRequest, amount", "RedeemRequest, rewardType"})
  void requestBodiesCarryExamples(String schema, String field) {
    JsonNode property =
        apiDocs().path("components").path("schemas").path(schema).path("properties").path(field);

    assertThat(property.path("example").isMissingNode())
        .as("%s.%s example", schema, field)
        .isFalse();
  }

  @Test
  void everyOperationHasASummaryAndEveryRequestFieldAnExample() {
    JsonNode docs = apiDocs();
    java.util.List<String> missing = new java.util.ArrayList<>();
    docs.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          if (operation.getValue().path("summary").asString("").isBlank()) {
                            missing.add(operation.getKey() + " " + path.getKey() + " summary");
                          }
                        }));
    docs.path("components")
        .path("schemas")
        .properties()
        .forEach(
            schema -> {
              if (schema.getKey().endsWith("Request")) {
                schema
                    .getValue()
                    .path("properties")
                    .properties()
                    .forEach(
                        field -> {
                          if (field.getValue().path("example").isMissingNode()) {
                            missing.add(schema.getKey() + "." + field.getKey() + " example");
                          }
                        });
              }
            });

    assertThat(missing).isEmpty();
  }

  @Test
  void servesSwaggerUiAtApi() {
    ApiClient.Response ui = new ApiClient(port).get("/api");

    assertThat(ui.status()).isIn(200, 302);
  }

  private JsonNode apiDocs() {
    ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    return docs.json();
  }
}
