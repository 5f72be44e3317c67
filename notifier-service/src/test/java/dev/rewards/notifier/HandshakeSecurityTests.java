package dev.rewards.notifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rewards.support.security.WsTokens;
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
    String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
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
