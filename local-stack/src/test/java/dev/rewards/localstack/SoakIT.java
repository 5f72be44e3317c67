package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewards.contracts.CommandRejected;
import dev.rewards.contracts.RedemptionRejected;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.localstack.ReferenceModel.Kind;
import dev.rewards.localstack.ReferenceModel.Op;
import dev.rewards.support.testing.WebSocketTestClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The soak run (its own command, {@code ./soak.sh}; not part of the build): a seeded history of at
 * least 100,000 accepted commands over 2,000 users while the broker, the store and Redis — each in
 * a process of its own — and the service instances (two ledgers, two analytics) are killed
 * outright, frozen and brought back, some faults overlapping. Then every guarantee is audited
 * against the reference model, and the report printed. See docs/reliability.md.
 */
@EnabledIfSystemProperty(
    named = "soak",
    matches = "true",
    disabledReason = "the soak run is its own command: ./soak.sh")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoakIT {

  private static final long SEED = Long.getLong("soak.seed", new Random().nextLong());
  private static final int USERS = Integer.getInteger("soak.users", 2_000);
  private static final int COMMANDS = Integer.getInteger("soak.commands", 100_000);
  private static final int SENDERS = 32;
  private static final int FOLLOWED = 25;
  private static final int HOT_USERS = 5;
  private static final int EXPIRING_USERS = 20;
  private static final int POISON = 45;
  private static final List<String> INSTANCES =
      List.of(
          "api-service", "notifier-service", "ledger-a", "ledger-b", "analytics-a", "analytics-b");

  private final ReferenceModel model = new ReferenceModel();
  private final List<String> users = new ArrayList<>();
  private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
  private final Map<String, List<UUID>> acceptedByUser = new ConcurrentHashMap<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<String> faultLog = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, WebSocketTestClient> followers = new LinkedHashMap<>();
  private final AtomicInteger acceptedCount = new AtomicInteger();
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger faultsActive = new AtomicInteger();
  private final AtomicLong acceptedDuringFaults = new AtomicLong();
  private final AtomicLong faultNanos = new AtomicLong();
  private final AtomicBoolean loadDone = new AtomicBoolean();
  private final AtomicBoolean faultsDone = new AtomicBoolean();
  private final List<String> poison = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> poisonUnacknowledged = ConcurrentHashMap.newKeySet();
  private final List<UUID> unreadableCommands = Collections.synchronizedList(new ArrayList<>());
  private FaultyStack stack;
  private TopicRecorder recorder;
  private PatientClient client;
  private HistorySender sender;
  private HistoryAudit audit;
  private long startedAt;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    System.out.printf(
        "soak seed %d  (replay: ./soak.sh %d); %,d commands over %,d users%n",
        SEED, SEED, COMMANDS, USERS);
    stack = new FaultyStack(dataDir, INSTANCES, true);
    stack.start();
    recorder = new TopicRecorder(stack.kafkaBootstrap());
    client = new PatientClient(stack.apiUrl());
    sender = new HistorySender(model, client);
    audit = new HistoryAudit(model, recorder, client, accepted, users, figures);
    for (int i = 0; i < USERS + HOT_USERS + EXPIRING_USERS; i++) {
      users.add("soak-" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (String user : users) {
        model.user(user);
        created.add(pool.submit(() -> client.createUser(user)));
      }
      for (Future<?> each : created) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (String user : users.subList(0, FOLLOWED)) {
      String token = client.post("/rewards/ws-token/" + user).get("token").asString();
      followers.put(
          user,
          WebSocketTestClient.connect(
              URI.create(
                  stack.notifierUrl().replace("http", "ws")
                      + "/ws/rewards?userId="
                      + user
                      + "&token="
                      + token)));
    }
    startedAt = System.nanoTime();
  }

  @AfterAll
  void stop() throws Exception {
    followers.values().forEach(WebSocketTestClient::close);
    if (recorder != null) {
      recorder.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aHundredThousandCommandsUnderOverlappingAbruptFaultsEndWhereTheReferenceModelSays()
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS + 4);
    List<Future<?>> work = new ArrayList<>();
    List<String> everyday = users.subList(0, USERS);
    for (int s = 0; s < SENDERS; s++) {
      int share = s;
      work.add(senders.submit(() -> sendHistory(share, everyday)));
    }
    Future<?> races = senders.submit(this::raceOnHotUsers);
    Future<?> timeDriven = senders.submit(this::holdsAndPointsExpireMeanwhile);
    Future<?> faults = senders.submit(this::injectFaults);
    Future<?> poisoned = senders.submit(this::sendPoisonMeanwhile);
    try {
      for (Future<?> each : work) {
        each.get();
      }
      loadDone.set(true);
      races.get();
      timeDriven.get();
      faults.get();
      poisoned.get();
    } finally {
      senders.shutdownNow();
    }
    long loadSeconds = Math.max(1, (System.nanoTime() - startedAt) / 1_000_000_000);
    audit.drain(Duration.ofMinutes(15));

    List<String> violations = new ArrayList<>();
    audit.outcomes(violations);
    audit.balancesAndTotals(violations);
    audit.statements(violations);
    audit.analytics(violations);
    auditFrames(violations);
    auditPoison(violations);
    report(violations, loadSeconds);
    assertThat(violations).as("violations (seed %d)", SEED).isEmpty();
  }

  /** One sender's users, each user's requests in order; some sent twice with the same key. */
  private void sendHistory(int share, List<String> everyday) {
    Random random = new Random(SEED * 31 + share);
    List<String> mine = new ArrayList<>();
    for (int i = share; i < everyday.size(); i += SENDERS) {
      mine.add(everyday.get(i));
    }
    // every fault happens under load: the history goes on until the last one is over
    while (acceptedCount.get() < COMMANDS || !faultsDone.get()) {
      if (random.nextDouble() < 0.03) {
        sendBatch(random, mine, random.nextDouble() < 0.05);
        continue;
      }
      Op op = RandomOps.draw(random, mine, 1).get(0);
      send(op, random.nextDouble() < 0.05);
    }
  }

  private void send(Op op, boolean retry) {
    note(op.userId(), sender.send(op, retry));
  }

  /**
   * Purchases of several of this sender's users in one batch, as a till uploads them, each with its
   * receipt's key (later refunds may name it); sometimes sent twice.
   */
  private void sendBatch(Random random, List<String> mine, boolean retry) {
    List<String> batchUsers = new ArrayList<>(mine);
    Collections.shuffle(batchUsers, random);
    batchUsers = batchUsers.subList(0, Math.min(batchUsers.size(), 2 + random.nextInt(9)));
    List<ReferenceModel.Request> requests = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (String user : batchUsers) {
      String category = RandomOps.CATEGORIES[random.nextInt(RandomOps.CATEGORIES.length)];
      BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(30_000), 2);
      Op op = new Op(user, Kind.EARN, null, category, amount, null, 0, null);
      String key = "till-" + UUID.randomUUID();
      requests.add(model.request(op));
      keys.add(key);
      items.add(
          "{\"userId\":\"%s\",\"category\":\"%s\",\"amount\":%s,\"idempotencyKey\":\"%s\"}"
              .formatted(user, category, amount.toPlainString(), key));
    }
    String body = "{\"purchases\":[" + String.join(",", items) + "]}";
    List<UUID> commands = client.submitBatch(body);
    for (int i = 0; i < commands.size(); i++) {
      model.accepted(requests.get(i), commands.get(i), keys.get(i));
      note(batchUsers.get(i), commands.get(i));
    }
    batches.incrementAndGet();
    if (retry) {
      List<UUID> again = client.submitBatch(body);
      sender.retries.incrementAndGet();
      if (!again.equals(commands)) {
        throw new AssertionError(
            "a batch sent again got other commands: " + commands + " " + again);
      }
    }
  }

  /**
   * Holds that time out and campaign points that expire, for users that get nothing else, while the
   * rest of the history and the faults go on: each round holds 500 points for 10 s and earns 40
   * points expiring a minute after they are sent (bought after the hold, so the hold took none of
   * them and exactly they expire), then awaits the scheduler's commands by their derived ids — each
   * must have exactly one outcome, the hold released as EXPIRED, the 40 points expired — and the
   * model takes them in.
   */
  private void holdsAndPointsExpireMeanwhile() {
    List<String> lane = users.subList(USERS + HOT_USERS, users.size());
    int released = 0;
    int expired = 0;
    while (!loadDone.get()) {
      Map<UUID, String> releases = new LinkedHashMap<>();
      Map<UUID, String> expiries = new LinkedHashMap<>();
      for (String user : lane) {
        send(
            new Op(user, Kind.EARN, 600L, "shopping", BigDecimal.valueOf(600), null, 0, null),
            false);
        send(
            new Op(user, Kind.HOLD, 500L, null, null, "voucher", 0, java.time.Instant.now()),
            false);
        model
            .lastActiveHoldOf(user)
            .ifPresent(
                hold -> releases.put(dev.rewards.contracts.ReleaseHold.expiryIdFor(hold), user));
        // from the moment it is sent: a send may wait out a fault for many seconds
        java.time.Instant campaignEnd =
            java.time.Instant.now()
                .plusSeconds(60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        send(new Op(user, Kind.EARN, 40L, "campaign", BigDecimal.TEN, null, 0, campaignEnd), false);
        expiries.put(dev.rewards.contracts.ExpirePoints.idFor(user, campaignEnd), user);
      }
      List<UUID> scheduled = new ArrayList<>(releases.keySet());
      scheduled.addAll(expiries.keySet());
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> scheduled.stream().noneMatch(id -> recorder.outcomesOf(id).isEmpty()));
      accepted.addAll(scheduled); // audited for exactly one outcome with the others
      for (var release : releases.entrySet()) {
        RewardsEvent outcome = recorder.outcomesOf(release.getKey()).get(0);
        if (outcome instanceof dev.rewards.contracts.HoldReleased r
            && r.cause().equals("EXPIRED")) {
          model.holdExpired(release.getValue(), r.holdId());
          released++;
        } else {
          faultLog.add("VIOLATION hold of " + release.getValue() + " ended with " + outcome);
        }
      }
      for (var expiry : expiries.entrySet()) {
        RewardsEvent outcome = recorder.outcomesOf(expiry.getKey()).get(0);
        if (outcome instanceof dev.rewards.contracts.PointsExpired e && e.points() == 40) {
          model.pointsExpired(expiry.getValue(), 40);
          expired++;
        } else {
          faultLog.add("VIOLATION campaign points of " + expiry.getValue() + ": " + outcome);
        }
      }
    }
    figures.put(
        "time-driven, under the faults",
        released + " holds released on expiry, " + expired + " campaign expiries of 40 points");
  }

  /**
   * What a broken producer writes, straight onto the commands topic past the API's validation,
   * spread over the history and its faults: bytes that are not JSON, a command of a type that does
   * not exist, and an earn that names its command and user but cannot be read — its command is
   * rejected as DEAD_LETTERED to a followed user, so that the rejection's frame is audited too.
   * They share partitions with the real commands, which must flow on past them.
   */
  private void sendPoisonMeanwhile() {
    Random random = new Random(SEED * 13);
    while (!loadDone.get()) {
      int sent = poison.size();
      if (sent >= POISON || acceptedCount.get() < (sent + 1L) * COMMANDS / (POISON + 1)) {
        pause(1);
        continue;
      }
      String user = users.get(random.nextInt(USERS));
      String value =
          switch (sent % 3) {
            case 0 -> "not a command " + UUID.randomUUID();
            case 1 ->
                "{\"type\":\"StealPoints\",\"userId\":\"%s\",\"marker\":\"%s\"}"
                    .formatted(user, UUID.randomUUID());
            default -> {
              user = users.get(random.nextInt(FOLLOWED));
              UUID command = UUID.randomUUID();
              unreadableCommands.add(command);
              yield "{\"type\":\"EarnPoints\",\"commandId\":\"%s\",\"userId\":\"%s\",\"points\":\"lots\"}"
                  .formatted(command, user);
            }
          };
      poison.add(value);
      try {
        recorder.publishCommandBytes(user, value.getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        poisonUnacknowledged.add(value); // it may or may not have been written
      }
    }
  }

  /**
   * The dead-letter topic holds exactly the poison sent, each record once, and every unreadable
   * command that named itself has exactly one outcome: rejected as DEAD_LETTERED.
   */
  private void auditPoison(List<String> violations) {
    long expected = poison.size() - poisonUnacknowledged.size();
    List<byte[]> letters = new ArrayList<>();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                letters.clear();
                letters.addAll(recorder.deadLetterValues());
                return letters.size() >= expected;
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // compared below
    }
    Map<String, Integer> onTopic = new HashMap<>();
    letters.forEach(v -> onTopic.merge(new String(v, StandardCharsets.UTF_8), 1, Integer::sum));
    for (String sent : poison) {
      int copies = Objects.requireNonNullElse(onTopic.remove(sent), 0);
      if (copies != 1 && !(copies == 0 && poisonUnacknowledged.contains(sent))) {
        violations.add("dead-letter topic holds poison " + sent + " " + copies + " times");
      }
    }
    onTopic.forEach(
        (value, copies) ->
            violations.add(
                "dead-letter topic holds %d × a record the history did not send as poison: %s"
                    .formatted(copies, value.length() > 200 ? value.substring(0, 200) : value)));
    for (UUID command : unreadableCommands) {
      List<RewardsEvent> outcomes = recorder.outcomesOf(command);
      if (outcomes.size() != 1
          || !(outcomes.get(0) instanceof CommandRejected rejected
              && CommandRejected.DEAD_LETTERED.equals(rejected.reason()))) {
        violations.add(
            "dead-letter: the unreadable command " + command + " was announced as " + outcomes);
      }
    }
    figures.put(
        "poison records written straight to the commands topic",
        "%d (%d of them unreadable earns rejected to followed users); %d on the dead-letter topic"
            .formatted(poison.size(), unreadableCommands.size(), letters.size()));
  }

  private void note(String user, UUID commandId) {
    accepted.add(commandId);
    acceptedByUser
        .computeIfAbsent(user, u -> Collections.synchronizedList(new ArrayList<>()))
        .add(commandId);
    acceptedCount.incrementAndGet();
    if (faultsActive.get() > 0) {
      acceptedDuringFaults.incrementAndGet();
    }
  }

  /**
   * Hot users: redemptions racing on one account while the faults go on. Each race tops the user
   * up, waits for its earlier commands' outcomes (so the model knows the balance), fires them all
   * at once, and expects exactly as many applied as the balance covers.
   */
  private void raceOnHotUsers() {
    Random random = new Random(SEED * 17);
    List<String> hot = users.subList(USERS, USERS + HOT_USERS);
    int races = 0;
    long applied = 0;
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      for (String user : hot) {
        send(new Op(user, Kind.EARN, 100L, "shopping", BigDecimal.TEN, null, 0, null), false);
      }
      while (!loadDone.get()) {
        String user = hot.get(random.nextInt(hot.size()));
        int requests = 12 + random.nextInt(12);
        long affordable = requests / 3 + random.nextInt(requests / 3);
        long topUp = Math.max(1, affordable * 500 + 250 - model.availableOf(user));
        send(
            new Op(user, Kind.EARN, topUp, "shopping", BigDecimal.valueOf(topUp), null, 0, null),
            false);
        awaitOutcomes(user);
        long predicted = model.availableOf(user) / 500;
        List<Future<UUID>> racing = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
          racing.add(
              pool.submit(
                  () ->
                      client.submit(
                          "/rewards/redeem/" + user,
                          "{\"pointsToRedeem\":500,\"rewardType\":\"voucher\"}",
                          UUID.randomUUID().toString())));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> each : racing) {
          ids.add(each.get());
        }
        ids.forEach(id -> note(user, id));
        awaitOutcomes(user);
        long won =
            ids.stream()
                .filter(
                    id ->
                        recorder.outcomesOf(id).stream().anyMatch(RewardRedeemed.class::isInstance))
                .count();
        model.raced(user, "voucher", 500, requests);
        for (UUID id : ids) {
          for (RewardsEvent event : recorder.outcomesOf(id)) {
            if (event instanceof RedemptionRejected rejected && rejected.availablePoints() >= 500) {
              faultLog.add(
                  "VIOLATION race on " + user + ": refused with " + rejected.availablePoints());
            }
          }
        }
        if (won != Math.min(predicted, requests)) {
          faultLog.add(
              "VIOLATION race on %s: %d applied, %d affordable".formatted(user, won, predicted));
        }
        races++;
        applied += won;
      }
    } catch (Exception e) {
      throw new AssertionError("racing redemptions (seed " + SEED + "): " + e, e);
    } finally {
      pool.shutdownNow();
    }
    figures.put("redemption races on hot users", races + " races, " + applied + " applied");
  }

  private void awaitOutcomes(String user) {
    List<UUID> mine = new ArrayList<>(acceptedByUser.getOrDefault(user, List.of()));
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> mine.stream().noneMatch(id -> recorder.outcomesOf(id).isEmpty()));
  }

  /** Faults at every tenth of the history, several overlapping, until the load is done. */
  private void injectFaults() {
    List<Map.Entry<String, Runnable>> scenarios =
        List.of(
            Map.entry(
                "ledger-a SIGKILL",
                () -> {
                  stack.crash("ledger-a");
                  pause(3);
                  stack.restart("ledger-a");
                }),
            Map.entry(
                "store frozen 6 s (SIGSTOP) while analytics-a is SIGKILLed",
                () -> {
                  stack.infrastructure("mongo").freeze();
                  stack.crash("analytics-a");
                  pause(6);
                  stack.infrastructure("mongo").thaw();
                  stack.restart("analytics-a");
                }),
            Map.entry(
                "api-service SIGKILL with requests in flight",
                () -> {
                  stack.crash("api-service");
                  pause(2);
                  stack.restart("api-service");
                }),
            Map.entry(
                "Redis frozen 5 s (SIGSTOP) while ledger-b is SIGKILLed",
                () -> {
                  stack.infrastructure("redis").freeze();
                  stack.crash("ledger-b");
                  pause(5);
                  stack.infrastructure("redis").thaw();
                  stack.restart("ledger-b");
                }),
            Map.entry(
                "broker process SIGKILL, restarted on its data",
                () -> {
                  stack.infrastructure("kafka").kill();
                  pause(3);
                  stack.startKafka();
                }),
            Map.entry(
                "store process SIGKILL, restarted on its data",
                () -> {
                  stack.infrastructure("mongo").kill();
                  pause(2);
                  stack.startMongo();
                }),
            Map.entry(
                "Redis process SIGKILL, restarted on its data",
                () -> {
                  stack.infrastructure("redis").kill();
                  pause(2);
                  stack.startRedis();
                }),
            Map.entry(
                "analytics-b and ledger-a SIGKILLed together",
                () -> {
                  stack.crash("analytics-b");
                  stack.crash("ledger-a");
                  pause(3);
                  stack.restart("ledger-a");
                  stack.restart("analytics-b");
                }),
            Map.entry(
                "store frozen 5 s while the broker process is SIGKILLed",
                () -> {
                  stack.infrastructure("mongo").freeze();
                  stack.infrastructure("kafka").kill();
                  pause(5);
                  stack.infrastructure("mongo").thaw();
                  stack.startKafka();
                }));
    try {
      runEachOnce(scenarios);
    } finally {
      faultsDone.set(true); // the rest of the history runs on the recovered system
    }
  }

  private void runEachOnce(List<Map.Entry<String, Runnable>> scenarios) {
    int next = 0;
    while (next < scenarios.size()) {
      // spread over the first four fifths of the history
      int threshold = (next + 1) * (COMMANDS * 4 / 5) / (scenarios.size() + 1);
      if (acceptedCount.get() < threshold) {
        pause(1);
        continue;
      }
      var scenario = scenarios.get(next % scenarios.size());
      long began = System.nanoTime();
      faultsActive.incrementAndGet();
      try {
        scenario.getValue().run();
      } finally {
        faultsActive.decrementAndGet();
      }
      long took = System.nanoTime() - began;
      faultNanos.addAndGet(took);
      faultLog.add(
          "t+%4ds  %-62s %5.1f s"
              .formatted((began - startedAt) / 1_000_000_000, scenario.getKey(), took / 1e9));
      next++;
    }
  }

  /**
   * Every followed user's frames are exactly its outcomes: each outcome's frames arrive, in the
   * order the outcomes were committed, and no event is framed twice.
   */
  private void auditFrames(List<String> violations) {
    long frames = 0;
    for (var follower : followers.entrySet()) {
      String user = follower.getKey();
      List<UUID> outcomes = recorder.outcomeOrderOf(user);
      List<UUID> seen = new ArrayList<>();
      Set<String> framed = new HashSet<>();
      List<JsonNode> received = new ArrayList<>();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  received.clear();
                  received.addAll(follower.getValue().frames());
                  return commandsOf(received).containsAll(outcomes);
                });
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        // compared below
      }
      for (JsonNode frame : received) {
        JsonNode data = frame.path("data");
        if (data.path("commandId").isMissingNode()) {
          continue;
        }
        String once = frame.path("event").asString() + "/" + data.path("eventId").asString();
        if (!framed.add(once)) {
          violations.add(user + " got frame " + once + " twice");
        }
        UUID command = UUID.fromString(data.path("commandId").asString());
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(command)) {
          seen.add(command);
        }
      }
      frames += received.size();
      if (!seen.equals(outcomes)) {
        violations.add(
            "%s's frames name %d commands, its outcomes are %d (first difference at %d)"
                .formatted(user, seen.size(), outcomes.size(), firstDifference(seen, outcomes)));
      }
    }
    figures.put("frames received by " + followers.size() + " followed users", frames);
  }

  private static Set<UUID> commandsOf(List<JsonNode> frames) {
    Set<UUID> commands = new HashSet<>();
    for (JsonNode frame : frames) {
      String id = frame.path("data").path("commandId").asString("");
      if (!id.isEmpty()) {
        commands.add(UUID.fromString(id));
      }
    }
    return commands;
  }

  private static int firstDifference(List<UUID> a, List<UUID> b) {
    int i = 0;
    while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
      i++;
    }
    return i;
  }

  private void report(List<String> violations, long loadSeconds) {
    long faultSeconds = Math.max(1, faultNanos.get() / 1_000_000_000);
    faultLog.stream().filter(f -> f.startsWith("VIOLATION")).forEach(violations::add);
    Map<String, Long> byKind = new TreeMap<>();
    violations.forEach(v -> byKind.merge(kindOf(v), 1L, Long::sum));
    List<String> lines = new ArrayList<>();
    lines.add("soak seed " + SEED + "   replay: ./soak.sh " + SEED);
    lines.add(
        "commands accepted: %,d over %,d users (+%d hot)"
            .formatted(acceptedCount.get(), USERS, HOT_USERS));
    lines.add(
        "load: %d s, %,.0f accepted/s overall; %,.0f/s while a fault was active (%d s of faults)"
            .formatted(
                loadSeconds,
                acceptedCount.get() / (double) loadSeconds,
                acceptedDuringFaults.get() / (double) faultSeconds,
                faultSeconds));
    lines.add("till batches of earns: " + batches.get());
    lines.add(
        "client retries with the same Idempotency-Key: "
            + sender.retries.get()
            + "; 503s waited out: "
            + client.unavailableAnswers.get()
            + "; connections lost and retried: "
            + client.lostConnections.get());
    lines.add("faults (time since the load began, what, how long until recovered):");
    faultLog.stream().filter(f -> !f.startsWith("VIOLATION")).forEach(f -> lines.add("  " + f));
    figures.forEach((what, value) -> lines.add(what + ": " + value));
    lines.add("violations: " + violations.size() + (byKind.isEmpty() ? "" : " " + byKind));
    violations.stream().limit(30).forEach(v -> lines.add("  " + v));
    lines.add("duration: " + (System.nanoTime() - startedAt) / 1_000_000_000 + " s");
    String report = String.join("\n", lines);
    System.out.println("\n==== soak report ====\n" + report + "\n=====================");
    try {
      Files.writeString(Path.of("target", "soak-report.txt"), report + "\n");
    } catch (IOException e) {
      System.err.println("could not write target/soak-report.txt: " + e);
    }
  }

  private static String kindOf(String violation) {
    for (String kind :
        List.of(
            "outcomes",
            "expected",
            "statement",
            "lifetimePoints",
            "frame",
            "race",
            "analytics",
            "dead-letter",
            "points, the model",
            "total")) {
      if (violation.contains(kind)) {
        return kind;
      }
    }
    return "other";
  }

  private static void pause(int seconds) {
    FaultyStack.sleep(Duration.ofSeconds(seconds));
  }
}
