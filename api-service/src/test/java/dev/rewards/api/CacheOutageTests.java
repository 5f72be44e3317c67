package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.testing.EmbeddedStores;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@ApiIntegrationTest
class CacheOutageTests {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  @Test
  void readsBalancesFromTheStoreWhileRedisIsDown() {
    ApiClient api = new ApiClient(port);
    api.post(
        "/rewards/create-user", "{\"id\":\"outage-r\",\"name\":\"R\",\"email\":\"r@example.com\"}");
    mongo
        .getCollection("accounts")
        .insertOne(new Document("_id", "outage-r").append("balance", 42L).append("version", 1L));
    EmbeddedStores.stopRedis();
    try {
      ApiClient.Response balance = api.get("/rewards/points/outage-r");

      assertThat(balance.status()).isEqualTo(200);
      assertThat(balance.json().get("totalPoints").asLong()).isEqualTo(42);
    } finally {
      EmbeddedStores.startRedis();
    }
  }
}
