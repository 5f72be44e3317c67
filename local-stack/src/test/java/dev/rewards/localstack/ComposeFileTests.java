package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What the production-like deployment must get right that no schema check sees (dclint checks the
 * schema in the build): data on the volumes, and services started only once the store takes writes.
 */
class ComposeFileTests {

  private static Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    Path compose = Path.of(System.getProperty("rewards.home", "..")).resolve("docker-compose.yml");
    try (Reader reader = Files.newBufferedReader(compose)) {
      services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(reader).get("services");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void kafkaKeepsItsLogOnTheVolume() {
    Map<String, Object> kafka = (Map<String, Object>) services.get("kafka");
    String logDirs =
        (String) ((Map<String, Object>) kafka.get("environment")).get("KAFKA_LOG_DIRS");
    List<String> mounts =
        ((List<String>) kafka.get("volumes")).stream().map(v -> v.split(":", 2)[1]).toList();

    assertThat(logDirs).as("KAFKA_LOG_DIRS").isNotBlank();
    assertThat(mounts).anyMatch(mount -> logDirs.equals(mount) || logDirs.startsWith(mount + "/"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void mongoIsHealthyOnlyOnceItIsThePrimary() {
    Map<String, Object> health =
        (Map<String, Object>) ((Map<String, Object>) services.get("mongo")).get("healthcheck");
    String script = String.join(" ", (List<String>) health.get("test"));

    assertThat(script).contains("rs.initiate").contains("isWritablePrimary").contains("quit(1)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyServiceWaitsForAHealthyStoreBrokerAndCache() {
    for (String name :
        List.of("api-service", "notifier-service", "ledger-worker", "analytics-worker")) {
      Map<String, Object> service = (Map<String, Object>) services.get(name);
      Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
      assertThat(dependsOn).as(name).containsOnlyKeys("mongo", "redis", "kafka");
      dependsOn
          .values()
          .forEach(
              condition ->
                  assertThat(((Map<String, Object>) condition).get("condition"))
                      .isEqualTo("service_healthy"));
    }
  }
}
