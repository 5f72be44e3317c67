package dev.rewards.localstack;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** Stops a child process as Ctrl-C would, and forces it only if it does not stop in time. */
final class GracefulStop {

  private GracefulStop() {}

  /**
   * Asks {@code process} to stop (SIGTERM, so its own shutdown runs) and waits; after {@code grace}
   * kills it and everything it started.
   *
   * @return its exit code if it stopped by itself; empty if it had to be killed
   */
  static OptionalInt of(Process process, String name, Duration grace) {
    process.destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.of(process.exitValue());
      }
      Console.error(name + " did not stop within " + grace.toSeconds() + "s; killing it");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    return OptionalInt.empty();
  }
}
