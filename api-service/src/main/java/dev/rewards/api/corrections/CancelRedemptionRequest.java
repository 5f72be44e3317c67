package dev.rewards.api.corrections;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Body of {@code POST /rewards/cancel-redemption/{userId}}: an order paid with points cancelled.
 */
public record CancelRedemptionRequest(
    @Schema(
            example = "9b2e4f10-5c3a-4d7e-8f61-0a1b2c3d4e5f",
            description = "The redemption's commandId (from its 202 answer)")
        @NotNull
        UUID redemptionCommandId,
    @Schema(example = "Order cancelled by the customer", description = "Why (1-200)")
        @Size(min = 1, max = 200)
        String reason) {}
