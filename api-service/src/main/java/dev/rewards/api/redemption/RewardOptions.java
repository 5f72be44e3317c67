package dev.rewards.api.redemption;

import dev.rewards.api.system.InvalidFieldException;
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

  /**
   * The option a redemption or hold of {@code points} asks for.
   *
   * @param pointsField the request field holding the points, named when they are too few
   * @throws InvalidFieldException if the reward is unknown or needs more points
   */
  public RewardOption requireFor(String rewardType, long points, String pointsField) {
    RewardOption option =
        find(rewardType)
            .orElseThrow(
                () ->
                    new InvalidFieldException(
                        "rewardType",
                        "Unknown rewardType '" + rewardType + "'; see GET /rewards/options"));
    if (points < option.pointsRequired()) {
      throw new InvalidFieldException(
          pointsField,
          "%s must be at least %d for %s"
              .formatted(pointsField, option.pointsRequired(), option.type()));
    }
    return option;
  }
}
