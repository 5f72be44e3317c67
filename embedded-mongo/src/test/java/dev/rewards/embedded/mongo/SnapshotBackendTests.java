package dev.rewards.embedded.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document the stand-in hands out must be one whole version: an account whose {@code balance}
 * counts its {@code journal} entries must never be seen with a different count, whatever else is
 * being written at the same time.
 */
class SnapshotBackendTests {

  private static final int UPDATES = 2_000;
  private static final int THREADS = 16;

  @TempDir Path dir;

  static Stream<Arguments> backends() {
    return Stream.of(
        Arguments.of(
            "in memory", (Function<Path, MongoBackend>) dir -> SnapshotH2Backend.inMemory()),
        Arguments.of(
            "in a file",
            (Function<Path, MongoBackend>)
                dir -> SnapshotH2Backend.inFile(dir.resolve("store.mv").toString())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void repliesAndReadsDuringUpdatesShowWholeVersions(
      String name, Function<Path, MongoBackend> backend) throws Exception {
    try (Store store = Store.start(backend.apply(dir))) {
      List<Callable<Boolean>> work = new ArrayList<>();
      for (int i = 0; i < UPDATES; i++) {
        work.add(() -> store.appendAndCheckReply(UUID.randomUUID().toString()));
        work.add(() -> isWhole(store.account()));
      }
      assertThat(runAll(work)).containsOnly(true);
      assertThat(store.account().getInteger("balance")).isEqualTo(UPDATES);
    }
  }

  @Test
  void keepsEveryKindOfValueItsDocumentsHoldAcrossARestart() {
    String file = dir.resolve("store.mv").toString();
    Document varied =
        new Document("_id", "varied")
            .append("amount", new Decimal128(new BigDecimal("101.99")))
            .append("at", Date.from(Instant.parse("2026-12-01T10:15:30.123Z")))
            .append("points", 9_000_000_000L)
            .append("ratio", 0.5)
            .append("flag", true)
            .append("none", null)
            .append(
                "lots",
                List.of(new Document("points", 5).append("tags", List.of("a", "b")), 7, "x"));
    try (Store store = Store.start(SnapshotH2Backend.inFile(file))) {
      store.appendAndCheckReply("before-restart");
      store.addAccounts("kept-", 300);
      store.accounts().insertOne(varied);
    }

    try (Store again = Store.start(SnapshotH2Backend.inFile(file))) {
      assertThat(again.account().getList("journal", Document.class))
          .extracting(entry -> entry.getString("c"))
          .containsExactly("before-restart");
      assertThat(again.findsEach("kept-", 300)).isTrue();
      assertThat(again.accounts().find(eq("_id", "varied")).first()).isEqualTo(varied);
    }
  }

  @Test
  void refusesAFileOfThePlainBackendSayingWhatToDo() {
    String file = dir.resolve("plain.mv").toString();
    try (Store plain = Store.start(new H2Backend(file))) {
      plain.addAccounts("plain-", 3);
    }

    assertThatThrownBy(() -> SnapshotH2Backend.inFile(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Java-serialised")
        .hasMessageContaining("delete its data directory");
  }

  private static boolean isWhole(Document account) {
    return account.getInteger("balance") == account.getList("journal", Document.class).size();
  }

  private static List<Boolean> runAll(List<Callable<Boolean>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  /** One account document, {@code balance} always equal to the number of journal entries. */
  private record Store(MongoServer server, MongoClient client, MongoCollection<Document> accounts)
      implements AutoCloseable {

    static Store start(MongoBackend backend) {
      MongoServer server = new MongoServer(backend);
      InetSocketAddress address = server.bind();
      MongoClient client =
          MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?maxPoolSize=32");
      MongoCollection<Document> accounts = client.getDatabase("rewards").getCollection("accounts");
      if (accounts.countDocuments() == 0) {
        accounts.insertOne(
            new Document("_id", "hot").append("balance", 0).append("journal", List.of()));
      }
      return new Store(server, client, accounts);
    }

    /** Appends one entry; true if the reply is whole and its last entry is this one. */
    boolean appendAndCheckReply(String entryId) {
      Document reply =
          accounts.findOneAndUpdate(
              eq("_id", "hot"),
              combine(inc("balance", 1), push("journal", new Document("c", entryId))),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      List<Document> journal = reply.getList("journal", Document.class);
      return isWhole(reply) && entryId.equals(journal.get(journal.size() - 1).getString("c"));
    }

    void addAccounts(String prefix, int count) {
      List<Document> added = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        added.add(
            new Document("_id", prefix + i).append("balance", i).append("journal", List.of()));
      }
      accounts.insertMany(added);
    }

    /** Finds every account by id alone and by id with a condition (its two index paths). */
    boolean findsEach(String prefix, int count) {
      for (int i = 0; i < count; i++) {
        if (accounts.find(eq("_id", prefix + i)).first() == null
            || accounts.find(and(eq("_id", prefix + i), eq("balance", i))).first() == null) {
          return false;
        }
      }
      return accounts.countDocuments(regex("_id", "^" + prefix)) == count;
    }

    Document account() {
      return accounts.find(eq("_id", "hot")).first();
    }

    @Override
    public void close() {
      client.close();
      server.shutdown();
    }
  }
}
