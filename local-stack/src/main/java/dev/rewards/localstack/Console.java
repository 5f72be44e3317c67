package dev.rewards.localstack;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/** Progress lines for a person watching the start, each with the seconds since launch. */
final class Console {

  /** When the launch command started its JVM: the first one's, if it handed over to a second. */
  private static final long START_MILLIS =
      Long.getLong(
          ArchivedLauncher.STARTED_AT, ManagementFactory.getRuntimeMXBean().getStartTime());

  private static final PrintStream OUT = System.out;

  private Console() {}

  static void step(String what) {
    OUT.printf("[%5.1fs] %s%n", seconds(), what);
    OUT.flush();
  }

  static void line(String text) {
    OUT.println(text);
    OUT.flush();
  }

  static void error(String text) {
    System.err.println("ERROR: " + text);
    System.err.flush();
  }

  static double seconds() {
    return (System.currentTimeMillis() - START_MILLIS) / 1e3;
  }
}
