package dev.rewards.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A piece of the infrastructure run by {@link InfraProcess} in a child JVM, with the faults an
 * operating system deals out: killed outright, frozen and thawed, started again on its data.
 */
final class ChildInfrastructure implements AutoCloseable {

  private final String name;
  private final List<String> arguments;
  private final Path log;
  private Process process;

  ChildInfrastructure(String name, List<String> arguments, Path log) {
    this.name = name;
    this.arguments = arguments;
    this.log = log;
  }

  void start() {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                InfraProcess.class.getName()));
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
    var output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      // each piece prints READY once it serves, or ends (a failure, in the log)
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        log(line);
        if (line.equals("READY")) {
          drainInBackground(output);
          return;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(name + " failed to start", e);
    }
    throw new IllegalStateException(name + " ended before it served; see " + log);
  }

  /** SIGKILL of the JVM and of every process it started (redis-server): nothing is flushed. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGSTOP: connections stay open and nothing answers, as a hung or swapped-out server. */
  void freeze() {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  void thaw() {
    signal("CONT");
  }

  private void signal(String signal) {
    // redis-server runs as a child of its JVM: the server itself must stop answering
    List<Long> pids = new java.util.ArrayList<>();
    pids.add(process.pid());
    process.descendants().map(ProcessHandle::pid).forEach(pids::add);
    for (long pid : pids) {
      try {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void log(String line) throws IOException {
    Files.writeString(
        log,
        line + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  private void drainInBackground(BufferedReader output) {
    Thread reader =
        new Thread(
            () -> {
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  log(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      signal("CONT");
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
