package dev.rewards.analytics.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import dev.rewards.analytics.distribution.DistributionUpdater.CountersMovedException;
import dev.rewards.analytics.distribution.DistributionUpdater.PositionedEvent;
import dev.rewards.contracts.PointsEarned;
import dev.rewards.contracts.RewardRedeemed;
import dev.rewards.contracts.RewardsEvent;
import dev.rewards.embedded.mongo.SnapshotH2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch updater against the store engine the local stack runs: several events of one user in a
 * poll, a crash between the counters and the rows, a row left by a release that wrote rows first,
 * and another instance counting the same partition meanwhile.
 */
class DistributionUpdaterTests {

  private static final BalanceRanges RANGES = new BalanceRanges(List.of(0L, 100L, 500L));

  private MongoServer server;
  private MongoClient client;
  private MongoDatabase database;
  private AggregateStore store;

  @BeforeEach
  void start() {
    server = new MongoServer(SnapshotH2Backend.inMemory());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    database = client.getDatabase("rewards");
    store = new AggregateStore(database);
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aUserWithSeveralEventsInOnePollMovesThroughEachBalanceInTurn() {
    var updater = new DistributionUpdater(store, RANGES);

    var applied =
        updater.apply(
            List.of(
                at(0, 3, earned("ann", 60, 60)),
                at(0, 4, earned("bob", 700, 700)),
                at(0, 5, earned("ann", 80, 140)),
                at(0, 6, redeemed("ann", 100, 40))));

    assertThat(applied.counted()).isEqualTo(4);
    Document counters = partition(0);
    assertThat(counters.get("offset", Number.class).longValue()).isEqualTo(6);
    assertThat(counters.get("users", Number.class).longValue()).isEqualTo(2);
    assertThat(counters.get("outstandingPoints", Number.class).longValue()).isEqualTo(740);
    assertThat(histogram(counters, 0)).isEqualTo(1); // ann: 60 → 140 → 40
    assertThat(histogram(counters, 100)).isZero();
    assertThat(histogram(counters, 500)).isEqualTo(1); // bob
    assertThat(store.users(List.of("ann")).get("ann").balance()).isEqualTo(40);
  }

  @Test
  void aPollRedeliveredAfterACrashBetweenCountersAndRowsCountsOnceAndStillMovesTheRows() {
    var crashing = new DistributionUpdater(new CrashBeforeRows(database), RANGES);
    List<PositionedEvent> poll =
        List.of(at(1, 10, earned("cy", 50, 50)), at(1, 11, earned("cy", 500, 550)));
    assertThatThrownBy(() -> crashing.apply(poll)).hasMessageContaining("crash");

    var updater = new DistributionUpdater(store, RANGES);
    var redelivered =
        updater.apply(List.of(poll.get(0), poll.get(1), at(1, 12, redeemed("cy", 450, 100))));

    assertThat(redelivered.counted()).isEqualTo(1);
    assertThat(redelivered.duplicates()).isEqualTo(2);
    Document counters = partition(1);
    assertThat(counters.get("users", Number.class).longValue()).isEqualTo(1);
    assertThat(counters.get("outstandingPoints", Number.class).longValue()).isEqualTo(100);
    assertThat(histogram(counters, 100)).isEqualTo(1);
    assertThat(histogram(counters, 0) + histogram(counters, 500)).isZero();
    assertThat(store.users(List.of("cy")).get("cy").offset()).isEqualTo(12);
  }

  @Test
  void anOutcomeAnnouncedAgainLaterInThePollCountsOnce() {
    var updater = new DistributionUpdater(store, RANGES);
    RewardsEvent earned = earned("dee", 30, 30);

    var applied = updater.apply(List.of(at(2, 1, earned), at(2, 2, earned)));

    assertThat(applied.counted()).isEqualTo(1);
    assertThat(applied.duplicates()).isEqualTo(1);
    assertThat(partition(2).get("outstandingPoints", Number.class).longValue()).isEqualTo(30);
    assertThat(partition(2).get("offset", Number.class).longValue()).isEqualTo(2);
  }

  @Test
  void aRowWrittenBeforeItsCountersByAnEarlierReleaseIsCountedFromTheBalanceItKept() {
    var updater = new DistributionUpdater(store, RANGES);
    updater.apply(List.of(at(0, 1, earned("eve", 50, 50))));
    // the earlier release wrote the row of offset 2 (50 → 600), then stopped before the counters
    database
        .getCollection(AggregateStore.USERS)
        .updateOne(
            Filters.eq("_id", "eve"),
            Updates.combine(
                Updates.set("balance", 600L),
                Updates.set("balanceBefore", 50L),
                Updates.set("offset", 2L)));

    updater.apply(List.of(at(0, 2, earned("eve", 550, 600))));

    Document counters = partition(0);
    assertThat(counters.get("outstandingPoints", Number.class).longValue()).isEqualTo(600);
    assertThat(histogram(counters, 0)).isZero();
    assertThat(histogram(counters, 500)).isEqualTo(1);
  }

  @Test
  void countersMovedByAnotherInstanceMeanwhileLeaveTheRowsAloneAndAskForARetry() {
    var updater = new DistributionUpdater(new OtherInstanceCountsFirst(database), RANGES);

    assertThatThrownBy(() -> updater.apply(List.of(at(3, 7, earned("fay", 20, 20)))))
        .isInstanceOf(CountersMovedException.class);

    assertThat(store.users(List.of("fay"))).isEmpty();
    assertThat(partition(3).get("outstandingPoints", Number.class).longValue()).isEqualTo(20);
    var retried =
        new DistributionUpdater(store, RANGES).apply(List.of(at(3, 7, earned("fay", 20, 20))));
    assertThat(retried.counted()).isZero();
    assertThat(partition(3).get("outstandingPoints", Number.class).longValue()).isEqualTo(20);
    assertThat(store.users(List.of("fay")).get("fay").balance()).isEqualTo(20);
  }

  private Document partition(int id) {
    return store.partitionDocuments().stream()
        .filter(d -> ((Number) d.get("_id")).intValue() == id)
        .findFirst()
        .orElseThrow();
  }

  private static long histogram(Document counters, long lowerBound) {
    Number n = (Number) counters.get("histogram", Document.class).get(String.valueOf(lowerBound));
    return n == null ? 0 : n.longValue();
  }

  private static PositionedEvent at(int partition, long offset, RewardsEvent event) {
    return new PositionedEvent(event, partition, offset);
  }

  private static PointsEarned earned(String user, long points, long balance) {
    Instant now = Instant.now();
    return new PointsEarned(
        UUID.randomUUID(),
        UUID.randomUUID(),
        user,
        UUID.randomUUID(),
        points,
        "books",
        BigDecimal.valueOf(points),
        now,
        balance,
        now);
  }

  private static RewardRedeemed redeemed(String user, long points, long remaining) {
    return new RewardRedeemed(
        UUID.randomUUID(),
        UUID.randomUUID(),
        user,
        UUID.randomUUID(),
        points,
        "voucher",
        BigDecimal.ONE,
        remaining,
        Instant.now());
  }

  /** Fails after the counters are written, as a process killed between the two writes. */
  private static final class CrashBeforeRows extends AggregateStore {
    CrashBeforeRows(MongoDatabase database) {
      super(database);
    }

    @Override
    public void saveUsers(Collection<UserRow> rows) {
      throw new IllegalStateException("crash before the rows were written");
    }
  }

  /** Another instance counts the same events between this one's reads and its counters write. */
  private static final class OtherInstanceCountsFirst extends AggregateStore {
    OtherInstanceCountsFirst(MongoDatabase database) {
      super(database);
    }

    @Override
    public boolean add(int partition, long firstCounted, long lastOffset, Contribution total) {
      super.add(partition, firstCounted, lastOffset, total);
      return super.add(partition, firstCounted, lastOffset, total);
    }
  }
}
