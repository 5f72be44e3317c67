package dev.rewards.analytics;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Maintains distribution aggregates from outcome events. With the argument {@code rebuild} it
 * instead recounts them from the ledger once and exits (docs/operations.md).
 */
@SpringBootApplication
public class AnalyticsWorkerApplication {

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("rebuild")) {
      System.exit(rebuild(args));
    }
    SpringApplication.run(AnalyticsWorkerApplication.class, args);
  }

  /** Runs the rebuild without the listener or the web server; returns the exit code. */
  static int rebuild(String... args) {
    SpringApplication rebuild = new SpringApplication(AnalyticsWorkerApplication.class);
    rebuild.setWebApplicationType(WebApplicationType.NONE);
    String[] withRebuild = Arrays.copyOf(args, args.length + 2);
    withRebuild[args.length] = "--rewards.analytics.rebuild=true";
    withRebuild[args.length + 1] = "--spring.kafka.listener.auto-startup=false";
    return SpringApplication.exit(rebuild.run(withRebuild));
  }
}
