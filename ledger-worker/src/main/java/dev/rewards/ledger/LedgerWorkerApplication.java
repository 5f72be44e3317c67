package dev.rewards.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Applies commands to the ledger and announces their outcomes. */
@SpringBootApplication
public class LedgerWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(LedgerWorkerApplication.class, args);
  }
}
