package dev.rewards.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rewards.support.security.WsTokens;
import dev.rewards.support.testing.PathSpellings;
import dev.rewards.support.testing.RawHttp;
import dev.rewards.support.testing.WebSocketTestClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** With security on, a handshake needs a token for the user it follows, or the admin token. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rewards.kafka.partitions=3",
      "rewards.security.api-keys=key-one",
      "rewards.security.admin-token=admin-secret"
    })
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class HandshakeSecurityTests {

  @LocalServerPort int port;
  @Autowired WsTokens tokens;

  @Test
  void aTokenForAUserOpensThatUsersStream() {
    String token = tokens.issue("alice", Duration.ofHours(1)).token();

    try (var client = WebSocketTestClient.connect(ws("?userId=alice&token=" + token))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !client.frames("connected").isEmpty());
    }
  }

  @Test
  void aTokenForOneUserCannotFollowAnother() {
    String aliceToken = tokens.issue("alice", Duration.ofHours(1)).token();

    assertRefused("?userId=bob&token=" + aliceToken);
    assertRefused("?token=" + aliceToken); // nor the all-events stream
  }

  @Test
  void refusesMissingForgedAndExpiredTokens() {
    String valid = tokens.issue("alice", Duration.ofHours(1)).token();
    String forged = forged(valid);
    WsTokens lastYear =
        WsTokens.fromSettings(
            null,
            "admin-secret",
            List.of("key-one"),
            Clock.fixed(Instant.now().minus(Duration.ofDays(365)), ZoneOffset.UTC));
    String expired = lastYear.issue("alice", Duration.ofHours(1)).token();

    for (String query :
        List.of(
            "?userId=alice", "?userId=alice&token=" + forged, "?userId=alice&token=" + expired)) {
      assertRefused(query);
    }
  }

  @Test
  void theAllEventsStreamNeedsTheAdminToken() {
    assertRefused("");
    assertRefused("?token=admin-secreT");

    try (var admin = WebSocketTestClient.connect(ws("?token=admin-secret"))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !admin.frames("connected").isEmpty());
    }
  }

  @Test
  void noSpellingOfTheHandshakeOpensAStreamWithoutItsToken() {
    String aliceToken = tokens.issue("alice", Duration.ofHours(1)).token();
    String bobToken = tokens.issue("bob", Duration.ofHours(1)).token();
    String forged = forged(aliceToken);
    List<String> notEnough =
        List.of(
            "?userId=alice",
            "?userId=alice&token=" + forged,
            "?userId=alice&token=" + bobToken,
            "?token=" + aliceToken,
            "",
            "?userId=%61lice&token=" + bobToken,
            "?userId=alice&userId=bob&token=" + bobToken);
    List<String> spellings = new java.util.ArrayList<>(PathSpellings.of("/ws/rewards"));
    spellings.add("/ws/rewards");
    List<String> opened = new java.util.ArrayList<>();
    for (String spelling : spellings) {
      for (String query : notEnough) {
        RawHttp.Response response = RawHttp.send(port, "GET", spelling + query, UPGRADE, null);
        if (response.status() < 400 || response.status() >= 500) {
          opened.add(response.status() + " " + spelling + query);
        }
      }
    }

    assertThat(opened).isEmpty();
    assertThat(
            RawHttp.send(port, "GET", "/ws/rewards?userId=alice&token=" + aliceToken, UPGRADE, null)
                .status())
        .as("the right token opens it")
        .isEqualTo(101);
  }

  @Test
  void noSpellingOfTheMetricsEndpointAnswersWithoutTheAdminToken() {
    String aliceToken = tokens.issue("alice", Duration.ofHours(1)).token();
    List<String> reached = new java.util.ArrayList<>();
    List<String> spellings = new java.util.ArrayList<>(PathSpellings.of("/actuator/prometheus"));
    spellings.add("/actuator/prometheus");
    for (String spelling : spellings) {
      for (java.util.Map<String, String> credentials :
          List.of(
              java.util.Map.<String, String>of(),
              java.util.Map.of("Authorization", "Bearer admin-secreT"),
              java.util.Map.of("X-API-Key", "key-one"))) {
        int status = RawHttp.send(port, "GET", spelling, credentials, null).status();
        if (status < 400 || status >= 500) {
          reached.add(status + " " + spelling + " " + credentials.keySet());
        }
      }
      int withUserToken =
          RawHttp.send(port, "GET", spelling + "?token=" + aliceToken, java.util.Map.of(), null)
              .status();
      if (withUserToken < 400 || withUserToken >= 500) {
        reached.add(withUserToken + " " + spelling + " with a user's token");
      }
    }

    assertThat(reached).isEmpty();
    assertThat(
            RawHttp.send(
                    port,
                    "GET",
                    "/actuator/prometheus",
                    java.util.Map.of("Authorization", "Bearer admin-secret"),
                    null)
                .status())
        .isEqualTo(200);
  }

  @Test
  void theTestPageIsPublicAndHoldsNoSecret() {
    RawHttp.Response page =
        RawHttp.send(port, "GET", "/websocket-test.html", java.util.Map.of(), null);
    RawHttp.Response config =
        RawHttp.send(port, "GET", "/websocket-test/config.json", java.util.Map.of(), null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(config.status()).isEqualTo(200);
    assertThat(page.body() + config.body())
        .doesNotContain("admin-secret")
        .doesNotContain("key-one");
  }

  private static final java.util.Map<String, String> UPGRADE =
      java.util.Map.of(
          "Upgrade", "websocket",
          "Connection", "Upgrade",
          "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
          "Sec-WebSocket-Version", "13");

  /**
   * The token with its signature's first character changed. (Not the last: base64url's last
   * character of a 32-byte signature carries two unused bits, so some changes there decode to the
   * same signature and the "forgery" is valid.)
   */
  private static String forged(String token) {
    int signature = token.lastIndexOf('.') + 1;
    char changed = token.charAt(signature) == 'A' ? 'B' : 'A';
    return token.substring(0, signature) + changed + token.substring(signature + 1);
  }

  private void assertRefused(String query) {
    assertThatThrownBy(() -> WebSocketTestClient.connect(ws(query)))
        .as(query)
        .rootCause()
        .hasMessageContaining("401");
  }

  private URI ws(String query) {
    return URI.create("ws://127.0.0.1:" + port + "/ws/rewards" + query);
  }
}
