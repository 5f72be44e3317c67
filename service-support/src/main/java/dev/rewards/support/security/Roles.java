package dev.rewards.support.security;

/** What a caller proved, as Spring Security roles (authorities carry the {@code ROLE_} prefix). */
public final class Roles {

  /** Presented one of REWARDS_API_KEYS: may use the API's client routes. */
  public static final String CLIENT = "CLIENT";

  /** Presented REWARDS_ADMIN_TOKEN: admin routes, metrics, health details, every event stream. */
  public static final String ADMIN = "ADMIN";

  /** Presented a WebSocket token: may follow the one user it was issued for. */
  public static final String SUBSCRIBER = "SUBSCRIBER";

  private Roles() {}
}
