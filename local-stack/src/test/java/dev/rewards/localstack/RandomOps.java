package dev.rewards.localstack;

import dev.rewards.localstack.ReferenceModel.Kind;
import dev.rewards.localstack.ReferenceModel.Op;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The requests of a seeded history, drawn before they are sent: the same for a seed. */
final class RandomOps {

  static final String[] CATEGORIES = {"shopping", "dining", "travel", "entertainment", "groceries"};
  static final String[] REWARDS = {"cashback", "voucher", "gift_card"};

  private RandomOps() {}

  /** Earns and redemptions mostly; refunds, cancelled redemptions and adjustments among them. */
  static List<Op> draw(Random random, List<String> users, int count) {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String user = users.get(random.nextInt(users.size()));
      double draw = random.nextDouble();
      long pick = random.nextLong() & Long.MAX_VALUE;
      if (draw < 0.5) {
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        if (random.nextDouble() < 0.2) {
          BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(600));
          ops.add(new Op(user, Kind.EARN, null, category, amount, null, pick, null));
        } else {
          BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(30_000), 2);
          long points = 1 + random.nextInt(400);
          ops.add(new Op(user, Kind.EARN, points, category, amount, null, pick, null));
        }
      } else if (draw < 0.70) {
        String reward = REWARDS[random.nextInt(REWARDS.length)];
        long required = ReferenceModel.OPTIONS.get(reward);
        long points = required + random.nextInt((int) required / 2);
        ops.add(new Op(user, Kind.REDEEM, points, null, null, reward, pick, null));
      } else if (draw < 0.78) {
        ops.add(new Op(user, Kind.REFUND, null, null, null, null, pick, null));
      } else if (draw < 0.84) {
        ops.add(new Op(user, Kind.CANCEL, null, null, null, null, pick, null));
      } else if (draw < 0.88) {
        long delta = random.nextBoolean() ? 1 + random.nextInt(300) : -(1 + random.nextInt(600));
        ops.add(new Op(user, Kind.ADJUST, delta, null, null, null, pick, null));
      } else if (draw < 0.94) {
        String reward = REWARDS[random.nextInt(REWARDS.length)];
        long required = ReferenceModel.OPTIONS.get(reward);
        long points = required + random.nextInt((int) required / 2);
        ops.add(new Op(user, Kind.HOLD, points, null, null, reward, pick, null));
      } else {
        Kind kind = random.nextInt(3) < 2 ? Kind.CAPTURE : Kind.VOID;
        ops.add(new Op(user, kind, null, null, null, null, pick, null));
      }
    }
    return ops;
  }
}
