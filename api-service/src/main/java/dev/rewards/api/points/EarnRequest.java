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

/** Body of {@code POST /rewards/add-points/{userId}}: a purchase that earns points. */
public record EarnRequest(
    @Schema(
            example = "50",
            description = "Points to credit; computed from amount by the earn rules when omitted")
        @Min(1)
        @Max(1_000_000)
        Long points,
    @Schema(example = "shopping") @NotBlank @Size(max = 50) String category,
    @Schema(example = "100.00", description = "Purchase amount, > 0, at most 2 decimals")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000000")
        @Digits(integer = 10, fraction = 2)
        BigDecimal amount,
    @Schema(
            example = "2024-01-15T10:00:00Z",
            description = "When the purchase happened at the point of sale; default now")
        Instant timestamp,
    @Schema(
            example = "2027-06-30T23:59:59Z",
            description =
                "When these points expire, overriding the program's validity (campaign points);"
                    + " in the future, at most 10 years ahead")
        Instant expiresAt) {}
