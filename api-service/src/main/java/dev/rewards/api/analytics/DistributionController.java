package dev.rewards.api.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics")
class DistributionController {

  private final DistributionReader reader;

  DistributionController(DistributionReader reader) {
    this.reader = reader;
  }

  @GetMapping("/analytics/rewards-distribution")
  @Operation(
      summary = "Points by category, redemptions by reward type, users per balance range",
      description =
          "Maintained by analytics-worker from outcome events (never recomputed on request), so"
              + " eventually consistent: `asOf` is the time of the newest event included.")
  RewardsDistribution distribution() {
    return reader.read();
  }
}
