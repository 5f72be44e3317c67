package dev.rewards.api.holds;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Body of a capture: how many of the held points to redeem (default all; the rest is released). */
public record CaptureRequest(
    @Schema(example = "400", description = "At most the held points; default all of them")
        @Min(1)
        @Max(10_000_000)
        Long points) {}
