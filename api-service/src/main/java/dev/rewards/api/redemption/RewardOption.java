package dev.rewards.api.redemption;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A reward points can be redeemed for. {@code GET /rewards/options} lists them. */
public record RewardOption(
    @Schema(example = "voucher") String type,
    @Schema(example = "Gift Voucher") String name,
    @Schema(example = "Gift voucher for partner stores") String description,
    @Schema(example = "500") long pointsRequired,
    @Schema(example = "5") BigDecimal value) {

  /** The value of redeeming {@code points} (≥ pointsRequired): proportional, 2 decimals. */
  public BigDecimal valueOf(long points) {
    return value
        .multiply(BigDecimal.valueOf(points))
        .divide(BigDecimal.valueOf(pointsRequired), 2, RoundingMode.HALF_UP);
  }
}
