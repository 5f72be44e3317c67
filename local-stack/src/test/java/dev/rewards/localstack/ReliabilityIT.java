package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.ExpirePoints;
import dev.rewards.contracts.HoldReleased;
import dev.rewards.contracts.PointsExpired;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.ReleaseHold;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.localstack.ReferenceModel.Kind;
import dev.rewards.localstack.ReferenceModel.Op;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random history through the whole system — many users earning and redeeming over HTTP,
 * refunding purchases (by commandId or receipt key, in part or in full, some beyond what is left),
 * cancelling redemptions, operators adjusting balances, client retries, duplicate deliveries on the
 * command topic, a ledger instance killed and another restarted mid-round, the store, Redis and the
 * Kafka broker each taken away and brought back, and a crowd of redemptions racing on one user —
 * audited against {@link ReferenceModel}: every accepted command has exactly one committed outcome,
 * the one the model predicts; balances, lifetime points, totals and analytics equal the model's;
 * every user's statement adds up to the balance; nothing is dead-lettered.
 *
 * <p>Replay a failure with {@code -Dreliability.seed=<the seed printed>}: the same requests, the
 * same faults at the same points (thread interleaving is the machine's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityIT {

  private static final long SEED = Long.getLong("reliability.seed", new Random().nextLong());
  private static final int USERS = 30;
  private static final int OPS_PER_ROUND = 150;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  private final Random random = new Random(SEED);
  private final ReferenceModel model = new ReferenceModel();
  private final List<String> users = new ArrayList<>();
  private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private FaultyStack stack;
  private TopicRecorder recorder;
  private PatientClient client;
  private HistorySender sender;
  private HistoryAudit audit;
  private int duplicateDeliveries;
  private long startedAt;

  @BeforeAll
  void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dataDir) {
    System.out.println(
        "ReliabilityIT seed " + SEED + "  (replay: -Dreliability.seed=" + SEED + ")");
    System.out.println("ReliabilityIT data and service logs in " + dataDir + " (kept on failure)");
    startedAt = System.nanoTime();
    stack = new FaultyStack(dataDir);
    stack.start();
    recorder = new TopicRecorder(stack.kafkaBootstrap());
    client = new PatientClient(stack.apiUrl());
    sender = new HistorySender(model, client);
    audit = new HistoryAudit(model, recorder, client, accepted, users, figures);
    for (int i = 0; i < USERS; i++) {
      String id = "user-" + i;
      client.createUser(id);
      model.user(id);
      users.add(id);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (recorder != null) {
      recorder.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aSeededHistoryUnderFaultsEndsExactlyWhereTheReferenceModelSays() {
    round("steady", () -> {});
    round(
        "ledger-a killed (SIGKILL) mid-round, then restarted",
        () -> {
          stack.crash("ledger-a");
          stack.restart("ledger-a");
        });
    duplicateDeliveries += recorder.deliverAgain(0.15, random);
    round(
        "ledger-b stopped gracefully mid-round, then restarted",
        () -> {
          stack.stop("ledger-b");
          stack.restart("ledger-b");
        });
    round(
        "store unreachable for 8 s mid-round",
        () -> {
          stack.stopMongo();
          FaultyStack.sleep(Duration.ofSeconds(8));
          stack.startMongo();
        });
    round(
        "Redis unreachable for 6 s mid-round",
        () -> {
          stack.stopRedis();
          figures.put("balance reads answered while Redis was down", readAllBalancesOnce());
          FaultyStack.sleep(Duration.ofSeconds(6));
          stack.startRedis();
        });
    round(
        "Kafka broker restarted mid-round",
        () -> {
          stack.stopKafka();
          FaultyStack.sleep(Duration.ofSeconds(5));
          stack.startKafka();
        });
    redemptionsRaceOnOneUser(40);
    duplicateDeliveries += recorder.deliverAgain(0.10, random);
    round("steady after the faults", () -> {});
    timePasses(6);

    List<String> violations = new ArrayList<>();
    audit.outcomes(violations);
    audit.balancesAndTotals(violations);
    audit.statements(violations);
    audit.analytics(violations);
    long deadLetters = recorder.deadLetterValues().size();
    if (deadLetters != 0) {
      violations.add(deadLetters + " commands were dead-lettered");
    }
    report(violations);
    assertThat(violations).as("violations (seed %d)", SEED).isEmpty();
  }

  /** One round of random requests, per user in order, users in parallel; the fault mid-way. */
  private void round(String name, Runnable fault) {
    List<Op> ops = randomOps(OPS_PER_ROUND);
    Map<String, List<Op>> byUser = new LinkedHashMap<>();
    ops.forEach(op -> byUser.computeIfAbsent(op.userId(), u -> new ArrayList<>()).add(op));
    AtomicInteger sent = new AtomicInteger();
    List<Boolean> retries = ops.stream().map(op -> random.nextDouble() < 0.1).toList();
    Map<Op, Boolean> retryOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      retryOf.put(ops.get(i), retries.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (List<Op> userOps : byUser.values()) {
        work.add(
            pool.submit(
                () -> {
                  for (Op op : userOps) {
                    send(op, retryOf.get(op));
                    sent.incrementAndGet();
                  }
                }));
      }
      await().atMost(DRAIN_TIMEOUT).until(() -> sent.get() >= ops.size() / 3 || allDone(work));
      long faultStarted = System.nanoTime();
      fault.run();
      for (Future<?> task : work) {
        task.get();
      }
      drain();
      System.out.printf(
          "round '%s': %d requests, fault handled in %d ms, all outcomes committed%n",
          name, ops.size(), (System.nanoTime() - faultStarted) / 1_000_000);
    } catch (Exception | AssertionError e) {
      System.out.println(
          "round '" + name + "' failed; the services' logs end:" + stack.logTails(60));
      throw new AssertionError("round '" + name + "' (seed " + SEED + ") failed: " + e, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private void send(Op op, boolean retry) {
    accepted.add(sender.send(op, retry));
  }

  private List<Op> randomOps(int count) {
    return RandomOps.draw(random, users, count);
  }

  /**
   * Time-driven changes with a ledger crash among them: for some users a hold that times out after
   * 10 s, then campaign points that expire after 20 s (bought after the hold, so the hold took none
   * of them and exactly they expire); ledger-a is killed and restarted meanwhile. The scheduler's
   * commands have ids derived from the hold and the due time, so the auditor knows what to await;
   * each must have exactly one outcome, and the model takes them in.
   */
  private void timePasses(int count) {
    Map<UUID, String> releases = new LinkedHashMap<>();
    Map<UUID, String> expiries = new LinkedHashMap<>();
    Instant campaignEnd = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
    for (String user : users.subList(0, count)) {
      if (model.availableOf(user) >= 500) {
        send(new Op(user, Kind.HOLD, 500L, null, null, "voucher", 0, Instant.now()), false);
        model
            .lastActiveHoldOf(user)
            .ifPresent(hold -> releases.put(ReleaseHold.expiryIdFor(hold), user));
      }
      send(new Op(user, Kind.EARN, 40L, "campaign", BigDecimal.TEN, null, 0, campaignEnd), false);
      expiries.put(ExpirePoints.idFor(user, campaignEnd), user);
    }
    drain();
    stack.crash("ledger-a");
    stack.restart("ledger-a");
    List<UUID> scheduled = new ArrayList<>(releases.keySet());
    scheduled.addAll(expiries.keySet());
    await()
        .atMost(DRAIN_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> scheduled.stream().noneMatch(id -> recorder.outcomesOf(id).isEmpty()));
    accepted.addAll(scheduled); // audited for exactly one outcome with the others
    releases.forEach(
        (id, user) -> {
          RewardsEvent outcome = recorder.outcomesOf(id).get(0);
          assertThat(outcome)
              .as("hold released (seed %d)", SEED)
              .isInstanceOfSatisfying(
                  HoldReleased.class, r -> assertThat(r.cause()).isEqualTo("EXPIRED"));
          model.holdExpired(user, ((HoldReleased) outcome).holdId());
        });
    expiries.forEach(
        (id, user) -> {
          RewardsEvent outcome = recorder.outcomesOf(id).get(0);
          assertThat(outcome)
              .as("campaign points expired (seed %d)", SEED)
              .isInstanceOfSatisfying(
                  PointsExpired.class, e -> assertThat(e.points()).isEqualTo(40));
          model.pointsExpired(user, 40);
        });
    figures.put(
        "time-driven (ledger-a killed among them)",
        releases.size() + " holds released on expiry, " + expiries.size() + " campaign expiries");
  }

  /**
   * Many redemptions of one user at the same moment: as many as the balance covers are applied, the
   * others refused, and the balance never goes below zero.
   */
  private void redemptionsRaceOnOneUser(int requests) {
    String user = users.get(random.nextInt(users.size()));
    long affordable = requests / 3 + random.nextInt(requests / 3);
    long topUp = Math.max(1, affordable * 500 + 250 - model.availableOf(user));
    send(
        new Op(user, Kind.EARN, topUp, "shopping", BigDecimal.valueOf(topUp), null, 0, null),
        false);
    drain();
    List<UUID> racing = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        work.add(
            pool.submit(
                () ->
                    racing.add(
                        client.submit(
                            "/rewards/redeem/" + user,
                            "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}",
                            UUID.randomUUID().toString()))));
      }
      for (Future<?> task : work) {
        task.get();
      }
    } catch (Exception e) {
      throw new AssertionError("racing redemptions (seed " + SEED + "): " + e, e);
    } finally {
      pool.shutdownNow();
    }
    accepted.addAll(racing);
    drain();
    long applied =
        racing.stream()
            .filter(
                id -> recorder.outcomesOf(id).stream().anyMatch(RewardRedeemed.class::isInstance))
            .count();
    long predicted = model.raced(user, "voucher", 500, requests);
    figures.put(
        "racing redemptions on one user",
        requests + " sent, " + applied + " applied, " + predicted + " affordable");
    assertThat(applied).as("racing redemptions applied (seed %d)", SEED).isEqualTo(predicted);
    for (UUID id : racing) {
      for (RewardsEvent event : recorder.outcomesOf(id)) {
        if (event instanceof RedemptionRejected rejected) {
          assertThat(rejected.availablePoints()).isLessThan(500).isNotNegative();
        }
      }
    }
  }

  /** Waits until every accepted command has a committed outcome. */
  private void drain() {
    audit.drain(DRAIN_TIMEOUT);
  }

  private int readAllBalancesOnce() {
    int answered = 0;
    for (String user : users) {
      try {
        HttpResponse<String> response = client.getOnce("/rewards/points/" + user);
        assertThat(response.statusCode()).as("balance read while Redis is down").isEqualTo(200);
        answered++;
      } catch (java.io.IOException e) {
        throw new AssertionError("balance read while Redis is down: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return answered;
  }

  private static boolean allDone(List<Future<?>> work) {
    return work.stream().allMatch(Future::isDone);
  }

  private void report(List<String> violations) {
    figures.put("seed", SEED);
    figures.put("users", USERS);
    figures.put(
        "command records on the topic (incl. retries and duplicates)", recorder.commandRecords());
    figures.put("client retries with the same Idempotency-Key", sender.retries.get());
    figures.put("duplicate deliveries injected on rewards.commands", duplicateDeliveries);
    figures.put("503 answers waited out by clients", client.unavailableAnswers.get());
    figures.put("connections lost and retried by clients", client.lostConnections.get());
    figures.put(
        "faults",
        "1 ledger kill, 1 ledger graceful restart, store 8 s, Redis 6 s, Kafka broker restart,"
            + " 1 ledger kill among expiring holds and points");
    figures.put("violations", violations.size());
    figures.put("elapsed s", (System.nanoTime() - startedAt) / 1_000_000_000);
    System.out.println("ReliabilityIT figures:");
    figures.forEach((what, value) -> System.out.println("  " + what + ": " + value));
    violations.stream().limit(50).forEach(v -> System.out.println("  VIOLATION " + v));
  }
}
