package dev.rewards.notifier.stream;

import dev.rewards.contracts.RewardsEvent;
import dev.rewards.contracts.Topics;
import dev.rewards.notifier.clients.ClientRegistry;
import dev.rewards.support.kafka.ReadingWithoutCommits;
import dev.rewards.support.metrics.CommandHops;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads every outcome event in a consumer group of this instance's own (so every instance sees
 * every event, and its clients may be connected anywhere) and hands it to the connected clients.
 */
@Component
class EventListener {

  private final EventFrames frames;
  private final ClientRegistry clients;
  private final CommandHops hops;

  EventListener(EventFrames frames, ClientRegistry clients, CommandHops hops) {
    this.frames = frames;
    this.clients = clients;
    this.hops = hops;
  }

  @KafkaListener(
      id = "notifier",
      idIsGroup = false,
      groupId = "#{@notifierInstance.consumerGroup()}",
      containerPostProcessor = ReadingWithoutCommits.BEAN,
      topics = Topics.EVENTS,
      properties = "auto.offset.reset=latest")
  void on(RewardsEvent event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long publishedAt) {
    clients.deliver(event.userId(), () -> frames.of(event));
    hops.since(CommandHops.outcomeDelivery("notifier"), publishedAt);
  }
}
