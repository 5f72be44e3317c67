package dev.rewards.embedded.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A document the store holds is never changed in place: a commit writes the file while other
 * commands run (the group commit), and a document changed under it was written half-updated, or
 * failed the commit and every later one.
 */
class HeldDocumentTests {

  private SnapshotH2Backend backend;
  private MongoServer server;
  private MongoClient client;
  private MongoCollection<Document> accounts;

  @BeforeEach
  void serve() {
    backend = SnapshotH2Backend.inMemory();
    server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    accounts = client.getDatabase("rewards").getCollection("accounts");
    accounts.insertOne(
        new Document("_id", "user-1").append("balance", 10).append("lots", List.of(10)));
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown();
  }

  @Test
  void anUpdateLeavesTheDocumentInstanceItReplacedAsItWas() {
    assertHeldDocumentUnchangedBy(
        () -> accounts.updateOne(eq("_id", "user-1"), combine(inc("balance", 5), push("lots", 5))));
  }

  @Test
  void anUpdateFoundByScanningLeavesTheDocumentInstanceItReplacedAsItWas() {
    assertHeldDocumentUnchangedBy(() -> accounts.updateMany(eq("balance", 10), set("balance", 0)));
  }

  @Test
  void aReplacementLeavesTheDocumentInstanceItReplacedAsItWas() {
    assertHeldDocumentUnchangedBy(
        () ->
            accounts.replaceOne(
                eq("_id", "user-1"), new Document("_id", "user-1").append("balance", 1)));
  }

  @Test
  void aFindAndModifyLeavesTheDocumentInstanceItReplacedAsItWas() {
    assertHeldDocumentUnchangedBy(
        () ->
            accounts.findOneAndUpdate(
                eq("_id", "user-1"), inc("balance", 1), new FindOneAndUpdateOptions()));
  }

  @Test
  void anUpsertOfAnExistingDocumentLeavesTheInstanceItReplacedAsItWas() {
    assertHeldDocumentUnchangedBy(
        () ->
            accounts.updateOne(
                eq("_id", "user-1"), set("tier", "gold"), new UpdateOptions().upsert(true)));
  }

  private void assertHeldDocumentUnchangedBy(Runnable update) {
    MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents =
        backend.getMvStore().openMap("databases.rewards.accounts");
    Object position = documents.keySet().iterator().next();
    de.bwaldvogel.mongo.bson.Document held = documents.get(position);
    de.bwaldvogel.mongo.bson.Document before = held.cloneDeeply();

    update.run();

    assertThat(held).isEqualTo(before);
    assertThat(documents.get(position)).isNotEqualTo(before);
  }
}
