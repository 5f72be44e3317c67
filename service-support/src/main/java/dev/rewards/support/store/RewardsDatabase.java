package dev.rewards.support.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;

/** The database named in {@code MONGODB_URI} ({@code rewards} if it names none). */
@AutoConfiguration(
    afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClient.class, MongoConnectionDetails.class})
public class RewardsDatabase {

  @Bean
  @ConditionalOnMissingBean
  MongoDatabase rewardsDatabase(MongoClient client, MongoConnectionDetails connection) {
    String name = connection.getConnectionString().getDatabase();
    return client.getDatabase(name == null ? "rewards" : name);
  }
}
