package dev.rewards.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system with its faults under the test's control: Kafka, the Mongo-compatible store and Redis
 * run in this JVM on data directories that outlive them, so each can be taken away and brought back
 * on the same port with the same data; the services run as child processes that can be stopped
 * gracefully or killed outright. Two ledger-worker instances share the command partitions.
 */
final class FaultyStack implements AutoCloseable {

  static final String ADMIN_TOKEN = "reliability-admin-token";
  static final List<String> LEDGERS = List.of("ledger-a", "ledger-b");

  private static final Path HOME =
      Path.of(System.getProperty("rewards.home", "..")).toAbsolutePath();
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  final StackSettings settings;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final boolean infrastructureInChildren;
  private LocalKafka kafka;
  private LocalMongo mongo;
  private LocalRedis redis;
  private ChildInfrastructure kafkaProcess;
  private ChildInfrastructure mongoProcess;
  private ChildInfrastructure redisProcess;

  /** api-service, analytics-worker and two ledger-workers, the infrastructure in this JVM. */
  FaultyStack(Path dataDir) {
    this(
        dataDir, List.of("api-service", "analytics-worker", LEDGERS.get(0), LEDGERS.get(1)), false);
  }

  /**
   * @param instances service instances by name: {@code api-service}, {@code notifier-service},
   *     {@code analytics-worker}, or any name starting {@code ledger} or {@code analytics} for one
   *     more instance of that worker
   * @param infrastructureInChildren broker, store and Redis each in a process of its own, so they
   *     can be killed outright or frozen; otherwise in this JVM, stopped and started politely
   */
  FaultyStack(Path dataDir, List<String> instances, boolean infrastructureInChildren) {
    this.infrastructureInChildren = infrastructureInChildren;
    int[] free = freePorts(10 + instances.size());
    Map<String, String> env = new HashMap<>();
    env.put("PORT", String.valueOf(free[0]));
    env.put("NOTIFIER_PORT", String.valueOf(free[1]));
    env.put("ANALYTICS_PORT", String.valueOf(free[2]));
    env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + free[3]);
    env.put("LOCAL_KAFKA_CONTROLLER_PORT", String.valueOf(free[4]));
    env.put("MONGODB_URI", "mongodb://127.0.0.1:" + free[5] + "/rewards");
    env.put("REDIS_URL", "redis://127.0.0.1:" + free[6]);
    env.put("REWARDS_DATA_DIR", dataDir.toString());
    // services restarted here are killed as often as stopped: archives would mostly be lost work
    env.put("REWARDS_CLASS_DATA_SHARING", "off");
    settings = StackSettings.from(env, HOME);
    int next = 7;
    for (String instance : instances) {
      ports.put(
          instance,
          switch (instance) {
            case "api-service" -> settings.apiPort();
            case "notifier-service" -> settings.notifierPort();
            case "analytics-worker" -> settings.analyticsPort();
            default -> free[next++];
          });
    }
    if (infrastructureInChildren) {
      kafkaProcess =
          child(
              dataDir,
              "kafka",
              settings.kafkaAddress().port(),
              String.valueOf(settings.kafkaControllerPort()));
      mongoProcess = child(dataDir, "mongo", settings.mongoAddress().port());
      redisProcess = child(dataDir, "redis", settings.redisAddress().port());
    }
  }

  /** {@link InfraProcess} for one piece, on its data directory and port. */
  private static ChildInfrastructure child(Path dataDir, String piece, int port, String... more) {
    List<String> arguments =
        new ArrayList<>(List.of(piece, dataDir.resolve(piece).toString(), String.valueOf(port)));
    arguments.addAll(List.of(more));
    return new ChildInfrastructure(
        piece, arguments, dataDir.resolve("logs").resolve(piece + ".log"));
  }

  String notifierUrl() {
    return "http://127.0.0.1:" + settings.notifierPort();
  }

  void start() {
    startKafka();
    startMongo();
    startRedis();
    ports.keySet().forEach(this::launch);
    ports.keySet().forEach(this::awaitReady);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + settings.apiPort();
  }

  String kafkaBootstrap() {
    return settings.kafkaBootstrap();
  }

  // --- service faults

  /** The last lines of each service's log, to show what the services did when a check failed. */
  String logTails(int lines) {
    StringBuilder tails = new StringBuilder();
    services.forEach(
        (name, service) ->
            tails.append("\n--- ").append(name).append(" ---\n").append(service.tail(lines)));
    return tails.toString();
  }

  /** SIGKILL: no graceful shutdown, an open Kafka transaction and whatever was mid-write. */
  void crash(String service) {
    services.get(service).kill();
  }

  /** SIGTERM: the graceful shutdown a rolling deployment does. */
  void stop(String service) {
    services.get(service).stop(Duration.ofSeconds(60));
  }

  void restart(String service) {
    launch(service);
    awaitReady(service);
  }

  // --- infrastructure faults

  void startKafka() {
    if (infrastructureInChildren) {
      kafkaProcess.start();
      return;
    }
    kafka =
        LocalKafka.start(
            settings.dataDir().resolve("kafka"),
            settings.kafkaAddress().port(),
            settings.kafkaControllerPort());
  }

  void stopKafka() {
    if (infrastructureInChildren) {
      kafkaProcess.close();
    } else {
      kafka.close();
    }
  }

  void startMongo() {
    if (infrastructureInChildren) {
      mongoProcess.start();
      return;
    }
    mongo = LocalMongo.start(settings.dataDir().resolve("mongo"), settings.mongoAddress().port());
  }

  void stopMongo() {
    if (infrastructureInChildren) {
      mongoProcess.close();
    } else {
      mongo.close();
    }
  }

  void startRedis() {
    if (infrastructureInChildren) {
      redisProcess.start();
      return;
    }
    redis = LocalRedis.start(settings.dataDir().resolve("redis"), settings.redisAddress().port());
  }

  void stopRedis() {
    if (infrastructureInChildren) {
      redisProcess.close();
    } else {
      redis.close();
    }
  }

  /** The broker's, store's or Redis' process, by name; only with the infrastructure in children. */
  ChildInfrastructure infrastructure(String name) {
    if (!infrastructureInChildren) {
      throw new IllegalStateException("the infrastructure runs in this JVM");
    }
    return switch (name) {
      case "kafka" -> kafkaProcess;
      case "mongo" -> mongoProcess;
      case "redis" -> redisProcess;
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Override
  public void close() {
    services.values().forEach(s -> s.stop(Duration.ofSeconds(20)));
    for (AutoCloseable piece :
        new AutoCloseable[] {redis, mongo, kafka, redisProcess, mongoProcess, kafkaProcess}) {
      try {
        if (piece != null) {
          piece.close();
        }
      } catch (Exception e) {
        System.err.println("closing " + piece + ": " + e);
      }
    }
  }

  private void launch(String name) {
    String module =
        name.startsWith("ledger")
            ? "ledger-worker"
            : name.startsWith("analytics") ? "analytics-worker" : name;
    Map<String, String> environment = new HashMap<>(settings.serviceEnvironment());
    environment.put("LEDGER_PORT", String.valueOf(ports.get(name)));
    if (module.equals("analytics-worker")) {
      environment.put("ANALYTICS_PORT", String.valueOf(ports.get(name)));
    }
    environment.put("REWARDS_ADMIN_TOKEN", ADMIN_TOKEN);
    environment.put("REWARDS_KAFKA_PARTITIONS", "6");
    // holds and campaign points of the history expire within seconds: look for them every second
    environment.put("REWARDS_EXPIRY_SCAN_INTERVAL", "1s");
    services.put(name, ServiceProcess.start(module, name, ports.get(name), settings, environment));
  }

  private void awaitReady(String name) {
    ServiceProcess service = services.get(name);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!service.isReady()) {
      if (!service.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " did not become ready; its log ends:\n" + service.tail(40));
      }
      sleep(Duration.ofMillis(250));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int[] freePorts(int count) {
    List<ServerSocket> held = new ArrayList<>();
    int[] ports = new int[count];
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
      for (ServerSocket socket : held) {
        socket.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ports;
  }
}
