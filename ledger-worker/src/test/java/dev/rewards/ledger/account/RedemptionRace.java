package dev.rewards.ledger.account;

import dev.rewards.contracts.RedeemPoints;
import dev.rewards.contracts.RewardsEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many redemptions of one user applied at once, as racing ledger threads would apply them. */
public final class RedemptionRace {

  private RedemptionRace() {}

  /** Applies {@code requests} redemptions of {@code points} from 16 threads; their outcomes. */
  public static List<RewardsEvent> run(
      PointsLedger ledger, String userId, int requests, long points, String source)
      throws Exception {
    List<Callable<RewardsEvent>> redemptions = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      RedeemPoints command =
          new RedeemPoints(
              UUID.randomUUID(), userId, points, "voucher", new BigDecimal("5.00"), Instant.now());
      redemptions.add(() -> ledger.apply(command, source).event());
    }
    List<RewardsEvent> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (Future<RewardsEvent> outcome : pool.invokeAll(redemptions)) {
        outcomes.add(outcome.get());
      }
    } finally {
      pool.shutdown();
    }
    return outcomes;
  }
}
