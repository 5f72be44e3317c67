package dev.rewards.localstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The launcher's own start from a class data archive. Before any service can start, the launcher's
 * JVM loads the embedded broker's and store's classes (Kafka's alone are thousands); mapped from an
 * archive, the broker is ready about two seconds sooner (docs/benchmarks.md, "The launcher's own
 * class data archive").
 *
 * <p>A JVM maps an archive only if it was started with one, and only for classes from plain jars,
 * so the process that {@code java -jar} started hands over: it starts a second launcher JVM from
 * its jar extracted by {@link ClassDataSharing} (the services' rules: the archive is written at the
 * first clean stop and keyed by the jar's content), with its own JVM options, and waits for it. A
 * stop signal is passed on, the second JVM's exit code becomes this process's, and the second JVM
 * stops the stack if this one is killed.
 */
final class ArchivedLauncher {

  /** Set on the second JVM, the launcher proper: the first process's pid. */
  static final String HANDED_OVER_BY = "rewards.launcher.handed-over-by";

  /** When the first launcher JVM started (epoch ms), so that progress counts from the command. */
  static final String STARTED_AT = "rewards.launcher.started-at";

  /** Exit codes of a launcher stopped by Ctrl-C or SIGTERM, or ended normally. */
  private static final Set<Integer> STOPPED_CLEANLY = Set.of(0, 128 + 2, 128 + 15);

  /** Longer than the launcher's own stop: services in parallel (30 s each), then the broker. */
  private static final Duration STOP_GRACE = Duration.ofMinutes(3);

  private ArchivedLauncher() {}

  /**
   * In the process {@code java -jar} started: runs the launcher in a second JVM mapping its archive
   * (or writing it), until that one ends. In the second JVM: arranges that it stops with the first.
   *
   * @return the second JVM's exit code; empty if this process is to run the stack itself (it is the
   *     second JVM, sharing is off, it was not started from a jar, or the hand-over failed)
   */
  static OptionalInt handOverIfStartedFromTheJar(StackSettings settings) {
    Long firstProcess = Long.getLong(HANDED_OVER_BY);
    if (firstProcess != null) {
      stopWhenItEnds(firstProcess);
      return OptionalInt.empty();
    }
    Path classPath = Path.of(System.getProperty("java.class.path", ""));
    boolean startedFromAJar =
        classPath.getFileName() != null
            && classPath.getFileName().toString().endsWith(".jar")
            && Files.isRegularFile(classPath);
    return settings.classDataSharing() && startedFromAJar
        ? handOver(settings, classPath)
        : OptionalInt.empty();
  }

  private static OptionalInt handOver(StackSettings settings, Path executableJar) {
    ClassDataSharing.Launch launch =
        ClassDataSharing.prepare(
            settings.dataDir(), "local-stack", "local-stack", executableJar, true);
    if (launch.archive() == null) {
      return OptionalInt.empty(); // not extracted; ClassDataSharing said why
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + HANDED_OVER_BY + "=" + ProcessHandle.current().pid());
    command.add("-D" + STARTED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
    command.addAll(launch.arguments());
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      Console.error("Starting the launcher from its class data archive failed: " + e.getMessage());
      return OptionalInt.empty();
    }
    // runs at every end of this process, also when the second JVM ended first and this one exits
    // with its code: the one place that keeps the archive
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(process, launch), "local-stack-stop-handed-over"));
    try {
      return OptionalInt.of(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(1);
    }
  }

  /** In the second JVM: whether it maps an archive (the first start after a build writes one). */
  static boolean mapsArchive() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
  }

  /**
   * In the second JVM: stops the stack, as Ctrl-C would, when the first process ends (SIGKILL gives
   * it no chance to pass a stop on), so that no broker or service is left behind. By pid, not as
   * the parent: a parent already gone has been replaced by init.
   */
  private static void stopWhenItEnds(long firstProcess) {
    Runnable stop =
        () -> {
          Console.error("The launcher's first process is gone; stopping.");
          System.exit(1);
        };
    ProcessHandle.of(firstProcess).ifPresentOrElse(first -> first.onExit().thenRun(stop), stop);
  }

  /**
   * On this process's stop: passes it on, waits for the launcher to finish its own, and keeps the
   * archive if it stopped cleanly (one that failed to start loaded too few classes to be worth
   * mapping).
   */
  private static void stop(Process launcher, ClassDataSharing.Launch launch) {
    OptionalInt exitCode = GracefulStop.of(launcher, "The launcher", STOP_GRACE);
    if (exitCode.isPresent() && STOPPED_CLEANLY.contains(exitCode.getAsInt())) {
      launch.keepArchive();
    }
  }
}
