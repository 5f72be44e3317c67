package dev.rewards.notifier.clients;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connected client and its outbox. Frames are queued and sent one at a time without blocking
 * the caller (the Kafka listener thread), so a slow or dead client delays only itself. A client
 * that falls {@code maxQueued} frames behind is disconnected with close code 1013: it reconnects
 * and reads its balance, rather than holding memory for it forever.
 */
public final class ClientConnection {

  /** WebSocket close code "Try Again Later". */
  static final int TOO_SLOW = 1013;

  private final String id;
  private final Subscription subscription;
  private final FrameSink sink;
  private final int maxQueued;
  private final Deque<String> outbox = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;

  ClientConnection(String id, Subscription subscription, FrameSink sink, int maxQueued) {
    this.id = id;
    this.subscription = subscription;
    this.sink = sink;
    this.maxQueued = maxQueued;
  }

  String id() {
    return id;
  }

  Subscription subscription() {
    return subscription;
  }

  /** Queues a frame; returns false when the client is gone or was dropped for falling behind. */
  boolean push(String frame) {
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (outbox.size() >= maxQueued) {
        closed = true;
        outbox.clear();
      } else {
        outbox.add(frame);
        if (sending) {
          return true;
        }
        sending = true;
      }
    }
    if (isClosed()) {
      sink.close(TOO_SLOW, "too slow: reconnect and read your balance");
      return false;
    }
    sendNext();
    return true;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  synchronized void markClosed() {
    closed = true;
    outbox.clear();
  }

  synchronized int queued() {
    return outbox.size();
  }

  private void sendNext() {
    String frame;
    synchronized (this) {
      frame = closed ? null : outbox.poll();
      if (frame == null) {
        sending = false;
        return;
      }
    }
    sink.send(frame, this::sent);
  }

  private void sent(Throwable failure) {
    if (failure != null) {
      markClosed();
      sink.close(1011, "send failed");
      return;
    }
    sendNext();
  }
}
