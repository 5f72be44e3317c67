package dev.rewards.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole Rewards system on one machine: infrastructure (each piece only if nothing
 * already answers at its configured address), the four services as child processes, and the sample
 * data into an empty store. Ctrl-C stops everything, services first.
 */
public final class LocalStack {

  private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);

  private final StackSettings settings;
  private Credentials credentials;
  private final Deque<AutoCloseable> infrastructure = new ArrayDeque<>();
  private final List<ServiceProcess> services = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** The embedded broker while it starts; null once it is among the infrastructure, or if none. */
  private volatile CompletableFuture<LocalKafka> kafkaStarting;

  LocalStack(StackSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("rewards.home", ".")).toAbsolutePath().normalize();
    LocalStack stack;
    try {
      stack = new LocalStack(StackSettings.from(System.getenv(), home));
    } catch (StackException e) {
      Console.error(e.getMessage());
      System.exit(2);
      return;
    }
    OptionalInt handedOver = ArchivedLauncher.handOverIfStartedFromTheJar(stack.settings);
    if (handedOver.isPresent()) {
      System.exit(handedOver.getAsInt());
      return;
    }
    // before anything logs: the embedded servers' log goes next to the services' logs
    System.setProperty("rewards.log.dir", stack.settings.dataDir().resolve("logs").toString());
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
    try {
      stack.start();
    } catch (StackException e) {
      Console.error(e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      Console.error("The local stack failed to start: " + e);
      System.exit(1);
    }
    stack.watchServices();
  }

  /**
   * Appends how long this start took to {@code logs/start-up.log}, for the benchmark's start-up
   * figures: one line per start, with how many services, and whether the launcher, mapped a class
   * data archive.
   */
  private void recordStartUp() {
    long fromArchive = services.stream().filter(ServiceProcess::fromArchive).count();
    String line =
        "%s ready after %.1f s, %d of %d services from class data archives, the launcher %s%n"
            .formatted(
                java.time.Instant.now(),
                Console.seconds(),
                fromArchive,
                services.size(),
                ArchivedLauncher.mapsArchive() ? "too" : "not");
    try {
      java.nio.file.Files.writeString(
          settings.dataDir().resolve("logs").resolve("start-up.log"),
          line,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      Console.error("Could not record the start-up time: " + e.getMessage());
    }
  }

  void start() throws Exception {
    Console.line("Rewards local stack — data in " + settings.dataDir());
    checkServicePortsFree();
    credentials = Credentials.resolve(System.getenv(), settings.dataDir());
    startInfrastructure();
    boolean loadSamples = SampleData.storeIsEmpty(settings.mongoUri());
    awaitKafka();
    startServices();
    if (loadSamples) {
      Console.step("Sample data  loading 3 users and 8 purchases through the API …");
      SampleData samples = new SampleData(settings.apiPort(), credentials.apiKey());
      samples.load();
      Console.step(
          "Sample data  applied: user123 %d, user456 %d, user789 %d points"
              .formatted(
                  samples.balanceOf("user123"),
                  samples.balanceOf("user456"),
                  samples.balanceOf("user789")));
    } else {
      Console.step("Sample data  skipped: the store already holds data");
    }
    recordStartUp();
    printWhereEverythingIs();
  }

  private void checkServicePortsFree() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("PORT (api-service)", settings.apiPort());
    ports.put("NOTIFIER_PORT (notifier-service)", settings.notifierPort());
    ports.put("LEDGER_PORT (ledger-worker)", settings.ledgerPort());
    ports.put("ANALYTICS_PORT (analytics-worker)", settings.analyticsPort());
    ports.forEach(LocalStack::requireFree);
  }

  /**
   * @param name the setting that chooses the port, then in brackets what uses it
   */
  private static void requireFree(String name, int port) {
    if (!HostPort.isFree(port)) {
      throw new StackException(
          "Port %d, %s, is already in use. Is another local stack running? Stop it, or set %s to a free port."
              .formatted(port, name, name.substring(0, name.indexOf(' '))));
    }
  }

  /**
   * Starts what is not already answering. The embedded broker, the slowest to start, starts in the
   * background while the store and the cache start and the launcher reads the store; the services
   * start once all three are ready ({@link #awaitKafka()}). Not sooner: four service JVMs starting
   * beside the broker took the processor it needed and made it, their first need, ready later.
   */
  private void startInfrastructure() {
    HostPort kafka = settings.kafkaAddress();
    // logging set up before two threads first log at once: SLF4J would replay their first calls
    // with a warning on the console
    LoggerFactory.getILoggerFactory();
    if (reuse("Kafka", kafka, "KAFKA_BOOTSTRAP_SERVERS")) {
      // checked here: the broker treats a listener it cannot bind as fatal and ends the process
      requireFree(
          "LOCAL_KAFKA_CONTROLLER_PORT (the embedded broker's controller)",
          settings.kafkaControllerPort());
      kafkaStarting =
          CompletableFuture.supplyAsync(
              () ->
                  LocalKafka.start(
                      settings.dataDir().resolve("kafka"),
                      kafka.port(),
                      settings.kafkaControllerPort()),
              task -> new Thread(task, "kafka-start").start());
    }
    HostPort mongo = settings.mongoAddress();
    if (reuse("MongoDB", mongo, "MONGODB_URI")) {
      infrastructure.push(LocalMongo.start(settings.dataDir().resolve("mongo"), mongo.port()));
      Console.step("MongoDB      ready (mongo-java-server with an H2 file on " + mongo + ")");
    }
    HostPort redis = settings.redisAddress();
    if (reuse("Redis", redis, "REDIS_URL")) {
      infrastructure.push(LocalRedis.start(settings.dataDir().resolve("redis"), redis.port()));
      Console.step("Redis        ready (redis-server on " + redis + ")");
    }
  }

  /** Waits for the embedded broker started in the background, if one was. */
  private void awaitKafka() {
    if (kafkaStarting == null) {
      return;
    }
    LocalKafka kafka;
    try {
      kafka = kafkaStarting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof StackException failed) {
        throw failed;
      }
      throw new StackException("The embedded Kafka broker failed to start: " + e.getCause(), e);
    }
    synchronized (this) {
      infrastructure.push(kafka);
      kafkaStarting = null;
    }
    Console.step("Kafka        ready (embedded KRaft broker on " + settings.kafkaAddress() + ")");
  }

  /**
   * @return true if an embedded server must be started, false if one already answers
   */
  private static boolean reuse(String what, HostPort address, String variable) {
    if (address.answers()) {
      Console.step("%-12s using the one already answering at %s".formatted(what, address));
      return false;
    }
    if (!address.isLocal()) {
      throw new StackException(
          "%s at %s does not answer. Start it, or unset %s to use an embedded one."
              .formatted(what, address, variable));
    }
    Console.step("%-12s starting on %s …".formatted(what, address));
    return true;
  }

  private void startServices() throws InterruptedException {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("ledger-worker", settings.ledgerPort());
    ports.put("api-service", settings.apiPort());
    ports.put("notifier-service", settings.notifierPort());
    ports.put("analytics-worker", settings.analyticsPort());
    Console.step(
        "Services     starting "
            + String.join(", ", ports.keySet())
            + " (logs in "
            + settings.dataDir().resolve("logs")
            + ")");
    Map<String, String> environment = new java.util.HashMap<>(settings.serviceEnvironment());
    environment.putAll(credentials.environment());
    ports.forEach(
        (name, port) -> services.add(ServiceProcess.start(name, port, settings, environment)));
    List<ServiceProcess> waiting = new ArrayList<>(services);
    long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
    while (!waiting.isEmpty()) {
      for (ServiceProcess service : List.copyOf(waiting)) {
        if (!service.isAlive()) {
          throw new StackException(
              "%s exited with code %d while starting. Last lines of %s:%n%s"
                  .formatted(service.name, service.exitCode(), service.log, service.tail(30)));
        }
        if (service.isReady()) {
          Console.step("  ✓ %-16s ready on port %d".formatted(service.name, service.port));
          waiting.remove(service);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new StackException(
            "Not ready after %ds: %s. See their logs in %s"
                .formatted(
                    SERVICE_START_TIMEOUT.toSeconds(),
                    waiting.stream().map(s -> s.name).toList(),
                    settings.dataDir().resolve("logs")));
      }
      Thread.sleep(250);
    }
  }

  private void printWhereEverythingIs() {
    Console.line(
        """

        Rewards is running.
          API          http://localhost:%1$d
          Swagger UI   http://localhost:%1$d/api
          WebSocket    ws://localhost:%2$d/ws/rewards?userId=user123&token=…  (token: POST /rewards/ws-token/user123)
          Live events  http://localhost:%2$d/websocket-test.html
          Health       http://localhost:%1$d/actuator/health  (notifier %2$d, ledger %3$d, analytics %4$d)
          Kafka        %5$s   MongoDB %6$s   Redis %7$s
          Data, logs   %8$s
        %9$s
        Try:  curl -H 'X-API-Key: %10$s' http://localhost:%1$d/rewards/points/user123
        Press Ctrl-C to stop.
        """
            .formatted(
                settings.apiPort(),
                settings.notifierPort(),
                settings.ledgerPort(),
                settings.analyticsPort(),
                settings.kafkaBootstrap(),
                settings.mongoUri(),
                settings.redisUrl(),
                settings.dataDir(),
                describeCredentials(),
                credentials.apiKeyGenerated()
                    ? credentials.apiKey()
                    : "<one of REWARDS_API_KEYS>"));
  }

  /** Generated credentials are shown, like Boot's generated password; configured ones never. */
  private String describeCredentials() {
    List<String> lines = new ArrayList<>();
    if (credentials.apiKeyGenerated() || credentials.adminTokenGenerated()) {
      lines.add("  Using generated credentials, kept in " + credentials.file());
    }
    lines.add(
        credentials.apiKeyGenerated()
            ? "    API key      " + credentials.apiKey() + "   (header X-API-Key)"
            : "  API keys     from REWARDS_API_KEYS");
    lines.add(
        credentials.adminTokenGenerated()
            ? "    Admin token  "
                + credentials.adminToken()
                + "   (Authorization: Bearer, /rewards/admin/**)"
            : "  Admin token  from REWARDS_ADMIN_TOKEN");
    if (credentials.apiKeyGenerated() || credentials.adminTokenGenerated()) {
      lines.add("    In a shell:  set -a; . " + credentials.file() + "; set +a");
    }
    return String.join("\n", lines);
  }

  /**
   * Blocks while the services run. A service that dies is restarted with a growing pause (see
   * {@link RestartBackoff}), and the console says so with the end of its log: one crash does not
   * take the others down, which is what compose's restart policy does in production. The main
   * thread never returns: it started redis-server, whose parent-death signal fires when this thread
   * ends, so it must outlive the shutdown hook that stops the services first.
   */
  private void watchServices() {
    Map<String, RestartBackoff> backoffs = new LinkedHashMap<>();
    Map<String, Instant> restartAt = new LinkedHashMap<>();
    services.forEach(s -> backoffs.put(s.name, new RestartBackoff(Instant.now())));
    while (true) {
      synchronized (this) {
        for (int i = 0; i < services.size() && stopped.getCount() > 0; i++) {
          ServiceProcess service = services.get(i);
          if (service.isAlive()) {
            continue;
          }
          Instant now = Instant.now();
          Instant due = restartAt.get(service.name);
          if (due == null) {
            RestartBackoff backoff = backoffs.get(service.name);
            Duration delay = backoff.delayAfterExitAt(now);
            due = now.plus(delay);
            restartAt.put(service.name, due);
            Console.error(
                "%s exited unexpectedly (code %d); restarting it in %d s (restart %d in a row)."
                        .formatted(
                            service.name,
                            service.exitCode(),
                            delay.toSeconds(),
                            backoff.recentRestarts())
                    + " Last lines of %s:%n%s".formatted(service.log, service.tail(20)));
          }
          if (!now.isBefore(due)) {
            services.set(i, service.restart());
            backoffs.get(service.name).restartedAt(now);
            restartAt.remove(service.name);
            Console.step("  ↻ %s restarted (port %d)".formatted(service.name, service.port));
          }
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops services (in parallel, gracefully), then infrastructure in reverse start order. */
  synchronized void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    stopped.countDown();
    Console.line("");
    Console.step("Stopping services …");
    List<Thread> stopping = new ArrayList<>();
    for (ServiceProcess service : services) {
      Thread t = new Thread(() -> service.stop(Duration.ofSeconds(30)), "stop-" + service.name);
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeKafkaStillStarting();
    while (!infrastructure.isEmpty()) {
      try {
        infrastructure.pop().close();
      } catch (Exception e) {
        Console.error("Stopping infrastructure: " + e.getMessage());
      }
    }
    Console.step("Stopped. Data kept in " + settings.dataDir());
  }

  /**
   * Stopped while the broker was starting: closes it if it got ready meanwhile. One still starting
   * is not waited for; the process is ending, and the broker recovers its files at the next start.
   */
  private void closeKafkaStillStarting() {
    CompletableFuture<LocalKafka> starting = kafkaStarting;
    if (starting != null && starting.isDone() && !starting.isCompletedExceptionally()) {
      starting.join().close();
    }
  }
}
