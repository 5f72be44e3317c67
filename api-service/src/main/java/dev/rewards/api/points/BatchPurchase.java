package dev.rewards.api.points;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One purchase of a batch: the body of a single add-points request plus the user and, optionally,
 * its own Idempotency-Key (the same key and purchase sent alone or in another batch get the same
 * command). Validated item by item, so one bad line refuses only itself.
 */
public record BatchPurchase(
    @Schema(example = "user123") @NotBlank String userId,
    @Schema(example = "50") @Min(1) @Max(1_000_000) Long points,
    @Schema(example = "shopping") @NotBlank @Size(max = 50) String category,
    @Schema(example = "100.00")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000000")
        @Digits(integer = 10, fraction = 2)
        BigDecimal amount,
    @Schema(example = "2024-01-15T10:00:00Z") Instant timestamp,
    @Schema(example = "till-7-receipt-1042") String idempotencyKey,
    @Schema(example = "2027-06-30T23:59:59Z") Instant expiresAt) {

  EarnRequest asEarnRequest() {
    return new EarnRequest(points, category, amount, timestamp, expiresAt);
  }
}
