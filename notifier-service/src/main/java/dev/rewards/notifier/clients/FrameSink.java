package dev.rewards.notifier.clients;

import java.util.function.Consumer;

/** Where a client's frames go: a WebSocket in production, a fake in tests. Sends never block. */
interface FrameSink {

  /** Starts sending one text frame; {@code done} gets null on success, else the failure. */
  void send(String frame, Consumer<Throwable> done);

  /** Closes the connection, telling the client why (a WebSocket close code and reason). */
  void close(int code, String reason);
}
