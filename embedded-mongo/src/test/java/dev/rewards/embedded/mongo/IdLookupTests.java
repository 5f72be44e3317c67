package dev.rewards.embedded.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * The stand-in finds a document by its {@code _id} when a filter names one beside other conditions
 * (as MongoDB does), and answers exactly what the plain backend's full scan answers.
 */
class IdLookupTests {

  private static final List<Bson> FILTERS =
      List.of(
          and(eq("_id", "u2"), eq("version", 2)),
          and(eq("_id", "u2"), eq("version", 3)),
          new Document("_id", "u2").append("version", 2),
          and(eq("_id", "u3"), ne("journal.c", "c3")),
          and(eq("_id", "u3"), ne("journal.c", "other")),
          and(eq("_id", "u4"), gte("balance", 40)),
          and(eq("_id", "u4"), lt("balance", 40)),
          and(eq("_id", "missing"), eq("version", 1)),
          and(in("_id", List.of("u1", "u5")), gte("balance", 0)),
          and(regex("_id", "^u[12]$"), gte("balance", 0)),
          or(eq("_id", "u1"), eq("_id", "u6")),
          and(eq("_id", 7), eq("version", 7)),
          eq("_id", "u5"),
          gte("balance", 30));

  @Test
  void findsWhatAFullScanFinds() {
    List<List<Document>> plain = answers(new H2Backend((String) null), IdLookupTests::findAll);
    List<List<Document>> lookedUp = answers(SnapshotH2Backend.inMemory(), IdLookupTests::findAll);

    assertThat(lookedUp).isEqualTo(plain);
    assertThat(plain).anySatisfy(found -> assertThat(found).isEmpty());
    assertThat(plain).anySatisfy(found -> assertThat(found).hasSize(1));
  }

  @Test
  void updatesWhatAFullScanUpdates() {
    List<List<Document>> plain =
        answers(new H2Backend((String) null), IdLookupTests::updateEachThenReadAll);
    List<List<Document>> lookedUp =
        answers(SnapshotH2Backend.inMemory(), IdLookupTests::updateEachThenReadAll);

    assertThat(lookedUp).isEqualTo(plain);
  }

  @Test
  void refusesAnUpsertWhoseIdExistsButDoesNotMatch() {
    try (Server server = Server.start(SnapshotH2Backend.inMemory())) {
      List<WriteModel<Document>> writes = new ArrayList<>();
      writes.add(upsertIfVersion("u1", 1)); // matches
      writes.add(upsertIfVersion("u2", 99)); // exists with another version: duplicate key
      writes.add(upsertIfVersion("new", 0)); // inserted

      Throwable refused =
          catchThrowable(
              () ->
                  server
                      .accounts()
                      .bulkWrite(
                          writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false)));

      assertThat(refused)
          .isInstanceOfSatisfying(
              com.mongodb.MongoBulkWriteException.class,
              e -> {
                assertThat(e.getWriteErrors()).hasSize(1);
                assertThat(e.getWriteErrors().get(0).getIndex()).isEqualTo(1);
                assertThat(e.getWriteErrors().get(0).getCode()).isEqualTo(11000);
              });
      assertThat(server.accounts().find(eq("_id", "new")).first()).isNotNull();
    }
  }

  @Test
  void theIdIndexTakesFiltersThatNameAnIdBesideOtherConditions() {
    MongoBackend backend = SnapshotH2Backend.inMemory();
    try (Server server = Server.start(backend)) {
      Index<?> ids =
          backend
              .resolveDatabase("rewards")
              .resolveCollection("accounts", true)
              .getIndexes()
              .stream()
              .filter(IdLookupIndex::isIdIndex)
              .findFirst()
              .orElseThrow();
      var compound = new de.bwaldvogel.mongo.bson.Document("_id", "u2").append("version", 2L);
      var inAnd =
          new de.bwaldvogel.mongo.bson.Document(
              "$and",
              List.of(
                  new de.bwaldvogel.mongo.bson.Document("_id", "u2"),
                  new de.bwaldvogel.mongo.bson.Document("version", 2L)));
      var noId = new de.bwaldvogel.mongo.bson.Document("version", 2L);

      assertThat(ids.canHandle(compound)).isTrue();
      assertThat(ids.canHandle(inAnd)).isTrue();
      assertThat(ids.getPositions(compound)).hasSize(1);
      assertThat(ids.canHandle(noId)).isFalse();
    }
  }

  private static List<List<Document>> answers(
      MongoBackend backend, Function<MongoCollection<Document>, List<List<Document>>> work) {
    try (Server server = Server.start(backend)) {
      return work.apply(server.accounts());
    }
  }

  private static List<List<Document>> findAll(MongoCollection<Document> accounts) {
    List<List<Document>> answers = new ArrayList<>();
    for (Bson filter : FILTERS) {
      answers.add(accounts.find(filter).sort(Sorts.ascending("balance")).into(new ArrayList<>()));
    }
    return answers;
  }

  private static List<List<Document>> updateEachThenReadAll(MongoCollection<Document> accounts) {
    List<List<Document>> answers = new ArrayList<>();
    for (Bson filter : FILTERS) {
      long matched = accounts.updateMany(filter, Updates.inc("balance", 1)).getMatchedCount();
      answers.add(List.of(new Document("matched", matched)));
    }
    answers.add(accounts.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    return answers;
  }

  private static UpdateOneModel<Document> upsertIfVersion(String id, long version) {
    return new UpdateOneModel<>(
        new Document("_id", id).append("version", version),
        Updates.inc("version", 1L),
        new UpdateOptions().upsert(true));
  }

  /** A server with six accounts u1..u6 (balance 10·i, version i, one journal entry "ci"). */
  private record Server(MongoServer server, MongoClient client) implements AutoCloseable {

    static Server start(MongoBackend backend) {
      MongoServer server = new MongoServer(backend);
      var address = server.bind();
      MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
      List<Document> accounts = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        accounts.add(
            new Document("_id", "u" + i)
                .append("balance", 10 * i)
                .append("version", (long) i)
                .append("journal", List.of(new Document("c", "c" + i))));
      }
      accounts.add(new Document("_id", 7).append("version", 7L));
      client.getDatabase("rewards").getCollection("accounts").insertMany(accounts);
      return new Server(server, client);
    }

    MongoCollection<Document> accounts() {
      return client.getDatabase("rewards").getCollection("accounts");
    }

    @Override
    public void close() {
      client.close();
      server.shutdown();
    }
  }
}
