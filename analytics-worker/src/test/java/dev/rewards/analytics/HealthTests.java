package dev.rewards.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.testing.EmbeddedStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "REWARDS_ADMIN_TOKEN=admin-secret") // as the environment sets it
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = EmbeddedStores.class)
class HealthTests {

  private static final String ADMIN = "Bearer admin-secret";

  @LocalServerPort int port;

  @Test
  void isReadyWhenKafkaAndTheStoreAnswer() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness", ADMIN);

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"kafka\"").contains("\"mongo\"");
    assertThat(get("/actuator/prometheus", ADMIN).body()).contains("jvm_memory_used_bytes");
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/health/readiness", null).body())
        .as("without the admin token, only the status")
        .contains("\"status\"")
        .doesNotContain("components");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
