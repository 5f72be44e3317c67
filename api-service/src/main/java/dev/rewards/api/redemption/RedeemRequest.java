package dev.rewards.api.redemption;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /rewards/redeem/{userId}}. */
public record RedeemRequest(
    @Schema(example = "500", description = "At least the option's pointsRequired")
        @NotNull
        @Min(1)
        @Max(10_000_000)
        Long pointsToRedeem,
    @Schema(example = "voucher", description = "One of GET /rewards/options")
        @NotBlank
        @Size(max = 50)
        String rewardType) {}
