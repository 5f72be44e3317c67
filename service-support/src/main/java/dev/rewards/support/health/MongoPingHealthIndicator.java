package dev.rewards.support.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Pings the store. Replaces Boot's indicator, whose {@code hello} command the Mongo-compatible
 * test/local store does not answer; {@code ping} works on both it and real MongoDB.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoClient mongo;

  public MongoPingHealthIndicator(MongoClient mongo) {
    super("MongoDB health check failed");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    mongo.getDatabase("admin").runCommand(new Document("ping", 1));
    builder.up();
  }
}
