package dev.rewards.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child process, its output going to a log file. */
final class ServiceProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  final String name;
  final int port;
  final Path log;
  private final Process process;
  private final ClassDataSharing.Launch launch;
  private final Restart again;

  /** How to start the same service again. */
  private interface Restart {
    ServiceProcess start();
  }

  private ServiceProcess(
      String name,
      int port,
      Path log,
      Process process,
      ClassDataSharing.Launch launch,
      Restart again) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.launch = launch;
    this.again = again;
  }

  /** Whether it started from a class data archive (see {@link ClassDataSharing}). */
  boolean fromArchive() {
    return launch.fromArchive();
  }

  /** A new process of the same service, with the same port, settings and log file. */
  ServiceProcess restart() {
    return again.start();
  }

  static ServiceProcess start(
      String name, int port, StackSettings settings, Map<String, String> environment) {
    return start(name, name, port, settings, environment);
  }

  /** Starts one instance of {@code module} (several may run, each under its own name and port). */
  static ServiceProcess start(
      String module,
      String name,
      int port,
      StackSettings settings,
      Map<String, String> environment) {
    Path jar = jarOf(settings.home(), module);
    Path log = settings.dataDir().resolve("logs").resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(Arrays.asList(settings.serviceJavaOpts().trim().split("\\s+")));
    ClassDataSharing.Launch launch =
        ClassDataSharing.prepare(
            settings.dataDir(), module, name, jar, settings.classDataSharing());
    command.addAll(launch.arguments());
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      return new ServiceProcess(
          name,
          port,
          log,
          builder.start(),
          launch,
          () -> start(module, name, port, settings, environment));
    } catch (IOException e) {
      throw new StackException("Could not start " + name + ": " + e.getMessage(), e);
    }
  }

  private static Path jarOf(Path home, String module) {
    Path target = home.resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw new StackException(
          "No runnable jar for "
              + module
              + " in "
              + target
              + ". Build first: ./mvnw -DskipTests package");
    }
  }

  /** Whether the service reports itself ready (its readiness group: Kafka, store, cache). */
  boolean isReady() {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /**
   * Asks the service to stop (SIGTERM, graceful shutdown) and waits; forces it after {@code grace}.
   */
  void stop(Duration grace) {
    if (GracefulStop.of(process, name, grace).isPresent()) {
      launch.keepArchive(); // a clean exit wrote it whole
    }
  }

  /** Ends it at once (SIGKILL), as a crash or a lost machine would: no graceful shutdown. */
  void kill() {
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The end of the log, to show why a service failed. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
