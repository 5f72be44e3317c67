package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

  @LocalServerPort int port;

  private ApiClient api;

  @BeforeAll
  void createUser() {
    api = new ApiClient(port);
    api.post(
        "/rewards/create-user",
        "{\"id\":\"bad-input\",\"name\":\"B\",\"email\":\"bad@example.com\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          points as text       | {"points":"abc","category":"shopping","amount":10}   | points
          points as decimal    | {"points":1.5,"category":"shopping","amount":10}     | points
          points zero          | {"points":0,"category":"shopping","amount":10}       | points
          points negative      | {"points":-5,"category":"shopping","amount":10}      | points
          points too large     | {"points":1000001,"category":"shopping","amount":10} | points
          amount missing       | {"points":5,"category":"shopping"}                   | amount
          amount zero          | {"points":5,"category":"shopping","amount":0}        | amount
          amount 3 decimals    | {"points":5,"category":"shopping","amount":1.005}    | amount
          amount too large     | {"points":5,"category":"shopping","amount":1e10}     | amount
          amount as text       | {"points":5,"category":"shopping","amount":"10"}     | amount
          category missing     | {"points":5,"amount":10}                             | category
          category blank       | {"points":5,"category":"  ","amount":10}             | category
          category as number   | {"points":5,"category":7,"amount":10}                | category
          unknown field        | {"points":5,"category":"x","amount":10,"bonus":1}    | bonus
          bad timestamp        | {"points":5,"category":"x","amount":10,"timestamp":"yesterday"} | timestamp
          empty timestamp      | {"points":5,"category":"x","amount":10,"timestamp":""} | timestamp
          timestamp before 2000 | {"points":5,"category":"x","amount":10,"timestamp":"1999-12-31T23:59:59Z"} | timestamp
          timestamp a year ahead | {"points":5,"category":"x","amount":10,"timestamp":"2999-01-01T00:00:00Z"} | timestamp
          timestamp beyond any store | {"points":10,"category":"x","amount":1,"timestamp":"+999999999-01-01T00:00:00Z"} | timestamp
          timestamp at the epoch | {"points":5,"category":"x","amount":10,"timestamp":"1970-01-01T00:00:00Z"} | timestamp
          expiresAt in the past | {"points":5,"category":"x","amount":10,"expiresAt":"2020-01-01T00:00:00Z"} | expiresAt
          expiresAt 11 years ahead | {"points":5,"category":"x","amount":10,"expiresAt":"2099-01-01T00:00:00Z"} | expiresAt
          malformed JSON       | {"points":5,                                         | body
          not an object        | [1,2,3]                                              | body
          """)
  void refusesBadPurchases(String name, String body, String field) {
    ApiClient.Response response = api.post("/rewards/add-points/bad-input", body);

    assertThat(response.status()).as(name).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("field").asString()).as(name).isEqualTo(field);
    assertThat(response.json().get("title").asString()).isNotBlank();
    assertThat(response.json().get("detail").asString()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          id missing    | {"name":"N","email":"n@example.com"}                      | id
          id with slash | {"id":"a/b","name":"N","email":"n@example.com"}           | id
          id too long   | {"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","name":"N","email":"n@example.com"} | id
          name blank    | {"id":"n1","name":"","email":"n@example.com"}             | name
          email invalid | {"id":"n1","name":"N","email":"not-an-email"}             | email
          """)
  void refusesBadUsers(String name, String body, String field) {
    ApiClient.Response response = api.post("/rewards/create-user", body);

    assertThat(response.status()).as(name).isEqualTo(400);
    assertThat(response.json().get("field").asString()).as(name).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown reward       | {"pointsToRedeem":500,"rewardType":"yacht"}        | rewardType
          below required       | {"pointsToRedeem":499,"rewardType":"voucher"}      | pointsToRedeem
          above maximum        | {"pointsToRedeem":10000001,"rewardType":"voucher"} | pointsToRedeem
          points missing       | {"rewardType":"voucher"}                           | pointsToRedeem
          points as decimal    | {"pointsToRedeem":500.5,"rewardType":"voucher"}    | pointsToRedeem
          reward missing       | {"pointsToRedeem":500}                             | rewardType
          reward as number     | {"pointsToRedeem":500,"rewardType":5}              | rewardType
          huge number          | {"pointsToRedeem":1e400,"rewardType":"voucher"}    | pointsToRedeem
          """)
  void refusesBadRedemptions(String name, String body, String field) {
    ApiClient.Response response = api.post("/rewards/redeem/bad-input", body);

    assertThat(response.status()).as(name).isEqualTo(400);
    assertThat(response.json().get("field").asString()).as(name).isEqualTo(field);
  }

  @Test
  void refusesAWrongContentType() {
    ApiClient.Response response =
        api.send(
            java.net.http.HttpRequest.newBuilder(api.uri("/rewards/add-points/bad-input"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("points=5")),
            java.util.Map.of());

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void refusesABodyOver64KiB() {
    String huge = "{\"points\":5,\"category\":\"" + "x".repeat(70_000) + "\",\"amount\":1}";

    ApiClient.Response response = api.post("/rewards/add-points/bad-input", huge);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("title").asString()).isNotBlank();
  }

  @Test
  void refusesAMissingBody() {
    ApiClient.Response response =
        api.send(
            java.net.http.HttpRequest.newBuilder(api.uri("/rewards/add-points/bad-input"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()),
            java.util.Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asString()).isEqualTo("body");
  }

  @ParameterizedTest
  @CsvSource({"..%2F..%2Fetc", "a%20b", "%C3%A9t%C3%A9", "a%00b", "..%5C..%5Cetc"})
  void refusesMalformedUserIdsInPathsWithAProblem(String userId) {
    ApiClient.Response response = api.get("/rewards/points/" + userId);

    // some of these Tomcat refuses itself, before the API sees them: still a problem document
    assertThat(response.status()).isBetween(400, 404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.raw().body()).doesNotContain("Tomcat").doesNotContain("<html");
  }
}
