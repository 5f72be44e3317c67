package dev.rewards.api.admin;

import dev.rewards.api.history.LedgerHistory;
import dev.rewards.api.history.Pagination;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator views, behind the admin token (see security/SecurityConfiguration), always paginated.
 */
@RestController
@Tag(name = "Admin")
@SecurityRequirement(name = "adminToken")
class AdminController {

  private final AdminQueries queries;
  private final LedgerHistory ledger;

  AdminController(AdminQueries queries, LedgerHistory ledger) {
    this.queries = queries;
    this.ledger = ledger;
  }

  @GetMapping("/rewards/admin/users")
  @Operation(summary = "All users, newest first (page ≥ 1, limit 1–100)")
  Map<String, Object> users(
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
    Pagination pagination = Pagination.requested(page, limit).withTotal(queries.userCount());
    return body("users", queries.users(pagination), pagination);
  }

  @GetMapping("/rewards/admin/transactions")
  @Operation(summary = "All transactions, newest first (page ≥ 1, limit 1–100)")
  Map<String, Object> transactions(
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
    LedgerHistory.Page entries = ledger.allTransactions(Pagination.requested(page, limit));
    return body("transactions", entries.items(), entries.pagination());
  }

  @GetMapping("/rewards/admin/redemptions")
  @Operation(summary = "All redemptions, newest first (page ≥ 1, limit 1–100)")
  Map<String, Object> redemptions(
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
    LedgerHistory.Page entries = ledger.allRedemptions(Pagination.requested(page, limit));
    return body("redemptions", entries.items(), entries.pagination());
  }

  @GetMapping("/rewards/admin/database-summary")
  @Operation(
      summary = "Totals: users, entries, points earned, redeemed and held",
      description =
          "`totalPointsInSystem` is the sum of all balances = earned − redeemed +"
              + " `totalPointsAdjusted` (signed).")
  Map<String, Object> summary() {
    return Map.of("summary", queries.summary());
  }

  /** {@code count} is the number of items on this page; {@code pagination.total} all of them. */
  private static Map<String, Object> body(
      String name, List<Map<String, Object>> items, Pagination pagination) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", items.size());
    body.put(name, items);
    body.put("pagination", pagination);
    return body;
  }
}
