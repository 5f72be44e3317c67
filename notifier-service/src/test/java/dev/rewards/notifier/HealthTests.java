package dev.rewards.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class HealthTests {

  @LocalServerPort int port;

  @Test
  void isReadyOnceKafkaAnswersAndTheEventPartitionsAreAssigned() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/actuator/health/readiness").statusCode() == 200);

    String readiness = get("/actuator/health/readiness").body();
    assertThat(readiness).contains("\"kafka\"").contains("\"eventStream\"");
    assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
