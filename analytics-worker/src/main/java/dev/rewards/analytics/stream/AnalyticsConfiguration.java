package dev.rewards.analytics.stream;

import com.mongodb.client.MongoDatabase;
import dev.rewards.analytics.distribution.AggregateStore;
import dev.rewards.analytics.distribution.BalanceRanges;
import dev.rewards.analytics.distribution.DistributionUpdater;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

  @Bean
  BalanceRanges balanceRanges(@Value("${rewards.analytics.balance-ranges}") List<Long> bounds) {
    return new BalanceRanges(bounds);
  }

  @Bean
  AggregateStore aggregateStore(MongoDatabase database, BalanceRanges ranges) {
    AggregateStore store = new AggregateStore(database);
    store.describe(ranges);
    return store;
  }

  @Bean
  DistributionUpdater distributionUpdater(AggregateStore store, BalanceRanges ranges) {
    return new DistributionUpdater(store, ranges);
  }
}
