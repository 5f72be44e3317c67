package dev.rewards.notifier.clients;

/** Decides whether a handshake may open the subscription it asks for. */
public interface HandshakeAuthorization {

  boolean permits(Subscription subscription, String token);

  /** When security is off: everyone may follow anything. */
  static HandshakeAuthorization open() {
    return (subscription, token) -> true;
  }
}
