package dev.rewards.localstack;

import com.mongodb.ConnectionString;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the local stack runs with, from the same environment variables the services read (see
 * docs/contract), plus a few of its own ({@code REWARDS_DATA_DIR}, {@code
 * LOCAL_KAFKA_CONTROLLER_PORT}, {@code REWARDS_SERVICE_JAVA_OPTS}, {@code
 * REWARDS_CLASS_DATA_SHARING}).
 */
record StackSettings(
    Path home,
    Path dataDir,
    int apiPort,
    int notifierPort,
    int ledgerPort,
    int analyticsPort,
    String mongoUri,
    String redisUrl,
    String kafkaBootstrap,
    int kafkaControllerPort,
    String serviceJavaOpts,
    boolean classDataSharing) {

  /**
   * Small heaps and the client compiler only: four Spring Boot services starting at once on a
   * laptop's few cores spend much of their start-up in the optimising compiler. Measured on two
   * cores (docs/benchmarks.md, "Start-up"): ready in 21–22 s instead of 36–37 s with class data
   * archives, 39–46 s instead of 67–76 s without; awaited confirmations no slower in a short run.
   * Long benchmarks may prefer the optimising compiler back (drop the last option).
   */
  static final String DEFAULT_SERVICE_JAVA_OPTS =
      "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  static StackSettings from(Map<String, String> env, Path home) {
    String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    int kafkaPort = HostPort.parse(kafka.split(",")[0], 9092).port();
    return new StackSettings(
        home,
        home.resolve(env.getOrDefault("REWARDS_DATA_DIR", "local-data"))
            .toAbsolutePath()
            .normalize(),
        intOf(env, "PORT", 3000),
        intOf(env, "NOTIFIER_PORT", 3001),
        intOf(env, "LEDGER_PORT", 3002),
        intOf(env, "ANALYTICS_PORT", 3003),
        env.getOrDefault("MONGODB_URI", "mongodb://localhost:27017/rewards"),
        env.getOrDefault("REDIS_URL", "redis://localhost:6379"),
        kafka,
        intOf(env, "LOCAL_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
        env.getOrDefault("REWARDS_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS),
        !"off".equalsIgnoreCase(env.getOrDefault("REWARDS_CLASS_DATA_SHARING", "on")));
  }

  HostPort kafkaAddress() {
    return HostPort.parse(kafkaBootstrap.split(",")[0], 9092);
  }

  HostPort mongoAddress() {
    return HostPort.parse(new ConnectionString(mongoUri).getHosts().get(0), 27017);
  }

  HostPort redisAddress() {
    URI uri = URI.create(redisUrl);
    return new HostPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
  }

  /** The settings every service process gets, on top of the launcher's own environment. */
  Map<String, String> serviceEnvironment() {
    return Map.of(
        "PORT", Integer.toString(apiPort),
        "REWARDS_API_URL", "http://localhost:" + apiPort,
        "NOTIFIER_PORT", Integer.toString(notifierPort),
        "LEDGER_PORT", Integer.toString(ledgerPort),
        "ANALYTICS_PORT", Integer.toString(analyticsPort),
        "MONGODB_URI", mongoUri,
        "REDIS_URL", redisUrl,
        "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
        "REWARDS_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
  }

  private static int intOf(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new StackException(name + " must be a port number, not '" + value + "'");
    }
  }
}
