package dev.rewards.notifier.clients;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.stereotype.Component;

/** The clients connected to this instance, by the user they follow. */
@Component
public class ClientRegistry {

  private final Map<String, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();
  private final Set<ClientConnection> allEvents = new CopyOnWriteArraySet<>();
  private final Counter framesSent;
  private final Counter clientsDropped;

  public ClientRegistry(MeterRegistry meters) {
    meters.gauge("rewards.websocket.clients", this, ClientRegistry::size);
    this.framesSent = meters.counter("rewards.websocket.frames");
    this.clientsDropped = meters.counter("rewards.websocket.clients.dropped");
  }

  void add(ClientConnection client) {
    if (client.subscription().isAllEvents()) {
      allEvents.add(client);
    } else {
      byUser
          .computeIfAbsent(client.subscription().userId(), user -> new CopyOnWriteArraySet<>())
          .add(client);
    }
  }

  void remove(ClientConnection client) {
    client.markClosed();
    if (client.subscription().isAllEvents()) {
      allEvents.remove(client);
      return;
    }
    byUser.computeIfPresent(
        client.subscription().userId(),
        (user, clients) -> {
          clients.remove(client);
          return clients.isEmpty() ? null : clients;
        });
  }

  /** Queues the frames of one event for its user's clients and every all-events client. */
  public void deliver(String userId, List<String> frames) {
    Set<ClientConnection> followers = byUser.getOrDefault(userId, Set.of());
    for (ClientConnection client : followers) {
      pushAll(client, frames);
    }
    for (ClientConnection client : allEvents) {
      pushAll(client, frames);
    }
  }

  public int size() {
    return allEvents.size() + byUser.values().stream().mapToInt(Set::size).sum();
  }

  private void pushAll(ClientConnection client, List<String> frames) {
    for (String frame : frames) {
      boolean wasOpen = !client.isClosed();
      if (!client.push(frame)) {
        if (wasOpen) {
          clientsDropped.increment(); // fell too far behind, not a normal disconnect
        }
        remove(client);
        return;
      }
      framesSent.increment();
    }
  }
}
