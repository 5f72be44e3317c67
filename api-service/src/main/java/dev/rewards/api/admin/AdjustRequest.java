package dev.rewards.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /rewards/admin/adjust/{userId}}: an operator's correction of a balance. */
public record AdjustRequest(
    @Schema(example = "-50", description = "Points to credit (> 0) or debit (< 0); not 0")
        @NotNull
        @Min(-1_000_000)
        @Max(1_000_000)
        Long points,
    @Schema(example = "Goodwill: delivery arrived late", description = "Why, for the statement")
        @NotBlank
        @Size(max = 200)
        String reason) {}
