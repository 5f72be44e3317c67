package dev.rewards.api.balance;

import dev.rewards.api.system.NotFoundException;
import dev.rewards.api.users.UserIds;
import dev.rewards.api.users.UserStore;
import dev.rewards.support.cache.BalanceCache.CachedBalance;
import dev.rewards.support.tiers.Tiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Balance reads, cached. */
@RestController
@Tag(name = "Points")
class BalanceController {

  private final UserStore users;
  private final BalanceReader balances;
  private final Tiers tiers;

  BalanceController(UserStore users, BalanceReader balances, Tiers tiers) {
    this.users = users;
    this.balances = balances;
    this.tiers = tiers;
  }

  @GetMapping("/rewards/points/{userId}")
  @Operation(
      summary = "Current balance (cached up to 5 minutes, never older than an announced outcome)")
  AccountBalance points(@PathVariable String userId) {
    UserIds.requireValid("userId", userId);
    if (!users.exists(userId)) {
      throw new NotFoundException("User " + userId + " not found");
    }
    CachedBalance balance = balances.balanceOf(userId);
    return new AccountBalance(
        userId,
        balance.balance(),
        balance.availablePoints(),
        balance.heldPoints(),
        balance.lifetimePoints(),
        tiers.tierOf(balance.lifetimePoints()),
        balance.nextExpiry() == null
            ? null
            : new AccountBalance.NextExpiry(
                balance.nextExpiry().points(), balance.nextExpiry().at()));
  }
}
