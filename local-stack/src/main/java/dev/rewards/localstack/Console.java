package dev.rewards.localstack;

import java.io.PrintStream;

/** Progress lines for a person watching the start, each with the seconds since launch. */
final class Console {

  private static final long START = System.nanoTime();
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
    return (System.nanoTime() - START) / 1e9;
  }
}
