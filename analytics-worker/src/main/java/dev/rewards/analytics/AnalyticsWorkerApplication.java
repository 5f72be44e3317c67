package dev.rewards.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Maintains the reward-distribution aggregates from outcome events. */
@SpringBootApplication
public class AnalyticsWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnalyticsWorkerApplication.class, args);
  }
}
