package dev.rewards.api.redemption;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured reward options ({@code rewards.options}); the contract's three by default.
 *
 * @param options the rewards on offer, in display order
 */
@ConfigurationProperties("rewards")
public record RewardOptions(List<RewardOption> options) {

  public RewardOptions {
    if (options == null || options.isEmpty()) {
      throw new IllegalArgumentException("rewards.options must list at least one reward");
    }
    options = List.copyOf(options);
  }

  public Optional<RewardOption> find(String type) {
    return options.stream().filter(o -> o.type().equals(type)).findFirst();
  }
}
