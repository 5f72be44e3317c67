package dev.rewards.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageJsonTests {

  private static final Instant NOW = Instant.parse("2024-01-15T10:00:00.123Z");
  private static final UUID COMMAND = UUID.fromString("7f1e8c4a-7d7b-4d3e-9a57-1b2f3c4d5e6f");

  @Test
  void roundTripsEveryCommand() {
    RewardsCommand earn =
        new EarnPoints(COMMAND, "user123", 50, "shopping", new BigDecimal("100.25"), NOW, NOW);
    RewardsCommand redeem =
        new RedeemPoints(COMMAND, "user123", 1500, "cashback", new BigDecimal("15.00"), NOW);

    assertThat(MessageJson.readCommand(MessageJson.write(earn))).isEqualTo(earn);
    assertThat(MessageJson.readCommand(MessageJson.write(redeem))).isEqualTo(redeem);
  }

  @Test
  void roundTripsEveryEvent() {
    UUID eventId = RewardsEvent.idFor(COMMAND);
    RewardsEvent earned =
        new PointsEarned(
            eventId, COMMAND, "u", UUID.randomUUID(), 5, "dining", BigDecimal.TEN, NOW, 420, NOW);
    RewardsEvent redeemed =
        new RewardRedeemed(
            eventId,
            COMMAND,
            "u",
            UUID.randomUUID(),
            500,
            "voucher",
            new BigDecimal("5.00"),
            0,
            NOW);
    RewardsEvent rejected =
        new RedemptionRejected(
            eventId, COMMAND, "u", RedemptionRejected.INSUFFICIENT_POINTS, 500, 20, NOW);

    assertThat(MessageJson.readEvent(MessageJson.write(earned))).isEqualTo(earned);
    assertThat(MessageJson.readEvent(MessageJson.write(redeemed))).isEqualTo(redeemed);
    assertThat(MessageJson.readEvent(MessageJson.write(rejected))).isEqualTo(rejected);
  }

  @Test
  void writesTypeDiscriminatorAndIsoTimestamps() {
    String json =
        new String(
            MessageJson.write(
                new EarnPoints(COMMAND, "user123", 50, "shopping", BigDecimal.ONE, NOW, NOW)),
            StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"type\":\"EarnPoints\"")
        .contains("\"commandId\":\"" + COMMAND + "\"")
        .contains("\"occurredAt\":\"2024-01-15T10:00:00.123Z\"");
  }

  @Test
  void rejectsUnknownType() {
    byte[] json = "{\"type\":\"StealPoints\",\"userId\":\"u\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> MessageJson.readCommand(json))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("StealPoints");
  }

  @Test
  void rejectsMissingType() {
    byte[] json = "{\"userId\":\"u\",\"points\":5}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> MessageJson.readCommand(json))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void rejectsAnEventWhereACommandIsExpected() {
    byte[] event =
        MessageJson.write(
            new RedemptionRejected(RewardsEvent.idFor(COMMAND), COMMAND, "u", "X", 1, 0, NOW));

    assertThatThrownBy(() -> MessageJson.readCommand(event))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void rejectsCommandWithoutRequiredFields() {
    byte[] json =
        "{\"type\":\"EarnPoints\",\"points\":5,\"category\":\"x\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> MessageJson.readCommand(json))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void rejectsNonJson() {
    assertThatThrownBy(() -> MessageJson.readCommand("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void ignoresFieldsAddedByANewerProducer() {
    String json =
        "{\"type\":\"RedeemPoints\",\"commandId\":\""
            + COMMAND
            + "\",\"userId\":\"u\",\"pointsToRedeem\":500,\"rewardType\":\"voucher\","
            + "\"value\":5,\"occurredAt\":\"2024-01-15T10:00:00Z\",\"channel\":\"pos\"}";

    RewardsCommand command = MessageJson.readCommand(json.getBytes(StandardCharsets.UTF_8));

    assertThat(command).isInstanceOf(RedeemPoints.class);
    assertThat(((RedeemPoints) command).pointsToRedeem()).isEqualTo(500);
  }

  @Test
  void derivesTheSameEventIdForTheSameCommand() {
    assertThat(RewardsEvent.idFor(COMMAND)).isEqualTo(RewardsEvent.idFor(COMMAND));
    assertThat(RewardsEvent.idFor(COMMAND)).isNotEqualTo(RewardsEvent.idFor(UUID.randomUUID()));
    assertThat(StableIds.derive("transaction", COMMAND)).isNotEqualTo(RewardsEvent.idFor(COMMAND));
  }

  @Test
  void stillIdentifiesTheCommandOfJsonThatIsNotACommand() {
    UUID id = UUID.randomUUID();
    byte[] unreadable =
        ("{\"type\":\"RedeemPoints\",\"commandId\":\""
                + id
                + "\",\"userId\":\"u1\",\"pointsToRedeem\":\"x\"}")
            .getBytes(StandardCharsets.UTF_8);

    MessageJson.CommandIdentity identity = MessageJson.identityOf(unreadable);

    assertThat(identity).isEqualTo(new MessageJson.CommandIdentity(id, "u1", "REDEEM"));
  }

  @Test
  void namesTheTypeOfEveryKindOfCommandItCannotRead() {
    java.util.Map<String, String> expected =
        java.util.Map.of(
            "EarnPoints", EarnPoints.TYPE,
            "RedeemPoints", RedeemPoints.TYPE,
            "AdjustPoints", AdjustPoints.TYPE);
    expected.forEach(
        (kind, type) ->
            assertThat(
                    MessageJson.identityOf(
                            ("{\"type\":\"" + kind + "\",\"points\":[]}")
                                .getBytes(StandardCharsets.UTF_8))
                        .commandType())
                .as(kind)
                .isEqualTo(type));
  }

  @Test
  void identifiesNothingInBytesThatAreNotJson() {
    MessageJson.CommandIdentity identity =
        MessageJson.identityOf(new byte[] {(byte) 0xff, 0x00, '{'});

    assertThat(identity).isEqualTo(new MessageJson.CommandIdentity(null, null, "UNKNOWN"));
  }

  @Test
  void writesOnlyTheRecordsFieldsNotWhatIsDerivedFromThem() {
    EarnPoints earn =
        new EarnPoints(COMMAND, "u1", 5, "x", BigDecimal.ONE, Instant.EPOCH, Instant.EPOCH);
    CommandRejected rejected =
        new CommandRejected(
            RewardsEvent.idFor(COMMAND),
            COMMAND,
            "u1",
            "EARN",
            "INVALID_COMMAND",
            "points",
            "d",
            Instant.EPOCH);

    assertThat(new String(MessageJson.write(earn), StandardCharsets.UTF_8))
        .doesNotContain("commandType");
    assertThat(new String(MessageJson.write(rejected), StandardCharsets.UTF_8))
        .doesNotContain("rejectsItsCommand");
  }
}
