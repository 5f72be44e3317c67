package dev.rewards.api.corrections;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Body of {@code POST /rewards/refund/{userId}}: a purchase returned, wholly or in part. Exactly
 * one of {@code commandId} and {@code idempotencyKey} names the purchase.
 */
public record RefundRequest(
    @Schema(
            example = "3f1c2a7e-8b4d-4c1e-9a0f-2d6b5e7c8a91",
            description = "The purchase's commandId (from its 202 answer)")
        UUID commandId,
    @Schema(
            example = "till-7-receipt-1042",
            description = "Or the Idempotency-Key the purchase was sent with (its receipt number)")
        String idempotencyKey,
    @Schema(
            example = "40.00",
            description =
                "Amount refunded, > 0, at most 2 decimals; default: all of the purchase not yet"
                    + " refunded")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000000")
        @Digits(integer = 10, fraction = 2)
        BigDecimal amount,
    @Schema(example = "Returned: wrong size", description = "Why, for the statement (1-200)")
        @Size(min = 1, max = 200)
        String reason) {}
