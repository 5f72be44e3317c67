package dev.rewards.support.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;

/** The database named in {@code MONGODB_URI} ({@code rewards} if it names none). */
@AutoConfiguration(
    afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass({MongoClient.class, MongoConnectionDetails.class})
public class RewardsDatabase {

  /**
   * An operation on an unreachable store fails within {@code rewards.store.request-timeout}
   * (default 3 s) instead of the driver's 30 s: the API answers 503 at once, and a worker's retry
   * loop never holds a Kafka transaction open for longer than its timeout allows. A store that
   * accepted the connection but stopped answering (hung, stalled, half-open) fails a call within
   * {@code rewards.store.read-timeout} (default 10 s, longer than any query here needs).
   */
  @Bean
  MongoClientSettingsBuilderCustomizer failFastWhenTheStoreIsDown(
      @Value("${rewards.store.request-timeout:3s}") Duration timeout,
      @Value("${rewards.store.read-timeout:10s}") Duration readTimeout) {
    return settings ->
        settings
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket ->
                    socket
                        .connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) readTimeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Bean
  @ConditionalOnMissingBean
  MongoDatabase rewardsDatabase(MongoClient client, MongoConnectionDetails connection) {
    String name = connection.getConnectionString().getDatabase();
    return client.getDatabase(name == null ? "rewards" : name);
  }
}
