package dev.rewards.api.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import dev.rewards.api.system.ConflictException;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code users} collection. Users are never deleted, so a user once seen is remembered in
 * memory and most requests need no store round trip to check that their user exists.
 */
@Component
public class UserStore {

  public static final String COLLECTION = "users";

  private final MongoCollection<Document> users;
  private final Cache<String, Boolean> known = Caffeine.newBuilder().maximumSize(1_000_000).build();

  UserStore(MongoDatabase database) {
    this.users = database.getCollection(COLLECTION);
    // emails are unique regardless of case
    users.createIndex(new Document("emailKey", 1), new IndexOptions().unique(true));
  }

  /**
   * @throws ConflictException if the id or the email is taken
   */
  public void create(User user) {
    try {
      users.insertOne(
          new Document("_id", user.id())
              .append("name", user.name())
              .append("email", user.email())
              .append("emailKey", user.email().toLowerCase(java.util.Locale.ROOT))
              .append("createdAt", Date.from(user.createdAt())));
      known.put(user.id(), true);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      if (exists(user.id())) {
        throw new ConflictException("id", "A user with id '" + user.id() + "' already exists");
      }
      throw new ConflictException("email", "A user with this email already exists");
    }
  }

  public boolean exists(String userId) {
    if (known.getIfPresent(userId) != null) {
      return true;
    }
    boolean found = users.find(Filters.eq("_id", userId)).limit(1).first() != null;
    if (found) {
      known.put(userId, true);
    }
    return found;
  }
}
