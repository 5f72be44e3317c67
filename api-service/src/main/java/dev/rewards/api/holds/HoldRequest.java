package dev.rewards.api.holds;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /rewards/holds/{userId}}: points reserved at checkout. */
public record HoldRequest(
    @Schema(example = "500", description = "Points to reserve (at least the reward's minimum)")
        @NotNull
        @Min(1)
        @Max(10_000_000)
        Long points,
    @Schema(example = "voucher", description = "The reward they are for (GET /rewards/options)")
        @NotBlank
        String rewardType,
    @Schema(
            example = "900",
            description = "Seconds until the hold releases itself, 10-86400; default 900")
        @Min(10)
        @Max(86_400)
        Integer expiresInSeconds) {}
