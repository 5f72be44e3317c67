package dev.rewards.api.tiers;

import dev.rewards.support.tiers.Tiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The program's tiers: public, like the reward options — they are the program's rules. */
@RestController
@Tag(name = "Points")
class TiersController {

  private final Tiers tiers;

  TiersController(Tiers tiers) {
    this.tiers = tiers;
  }

  @GetMapping("/rewards/tiers")
  @Operation(
      summary = "Tiers by lifetime points, lowest first (REWARDS_TIERS)",
      description =
          "A user is in the highest tier their `lifetimePoints` reach (points earned less those"
              + " refunds reversed; redemptions and expiry do not lower them).")
  List<Tiers.Tier> tiers() {
    return tiers.ascending();
  }
}
