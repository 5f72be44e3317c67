package dev.rewards.api.history;

import dev.rewards.api.system.NotFoundException;
import dev.rewards.api.users.UserIds;
import dev.rewards.api.users.UserStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's transactions, redemptions and statement, newest first, paginated. */
@RestController
@Tag(name = "History")
class HistoryController {

  private final UserStore users;
  private final LedgerHistory history;

  HistoryController(UserStore users, LedgerHistory history) {
    this.users = users;
    this.history = history;
  }

  @GetMapping("/rewards/transactions/{userId}")
  @Operation(
      summary = "Points earned, newest first (page ≥ 1, limit 1–100, default 1 and 10)",
      description = "Each purchase shows `refundedAmount` and `pointsReversed` by its refunds.")
  Map<String, Object> transactions(
      @PathVariable String userId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer limit) {
    Pagination requested = Pagination.requested(page, limit);
    requireUser(userId);
    return body("transactions", history.transactions(userId, requested));
  }

  @GetMapping("/rewards/redemptions/{userId}")
  @Operation(
      summary = "Rewards redeemed, newest first (page ≥ 1, limit 1–100, default 1 and 10)",
      description =
          "Each shows `cancelled`, and `cancellation` {commandId, timestamp, pointsRestored,"
              + " pointsExpiredMeanwhile, reason} once cancelled.")
  Map<String, Object> redemptions(
      @PathVariable String userId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer limit) {
    Pagination requested = Pagination.requested(page, limit);
    requireUser(userId);
    return body("redemptions", history.redemptions(userId, requested));
  }

  @GetMapping("/rewards/statement/{userId}")
  @Operation(
      summary = "Every movement of the balance, newest first, signed, with the balance after it",
      description =
          "`kind`: EARN, REDEEM, REFUND, REDEMPTION_CANCELLED, ADJUST. The points of all entries"
              + " add up to the balance, and each `balanceAfter` is the one before plus `points`."
              + " `reason`: the category, reward, or the reason given; `reference`: the refunded"
              + " purchase or cancelled redemption (their commandId), a purchase's Idempotency-Key,"
              + " an adjustment's actor. Page ≥ 1, limit 1–100, default 1 and 10.")
  Map<String, Object> statement(
      @PathVariable String userId,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer limit) {
    Pagination requested = Pagination.requested(page, limit);
    requireUser(userId);
    return body("entries", history.statement(userId, requested));
  }

  private void requireUser(String userId) {
    UserIds.requireValid("userId", userId);
    if (!users.exists(userId)) {
      throw new NotFoundException("User " + userId + " not found");
    }
  }

  private static Map<String, Object> body(String name, LedgerHistory.Page page) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(name, page.items());
    body.put("pagination", page.pagination());
    return body;
  }
}
