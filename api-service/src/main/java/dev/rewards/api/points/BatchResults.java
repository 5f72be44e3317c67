package dev.rewards.api.points;

import java.util.List;

/** The answer to a batch: how many purchases were accepted and refused, and each one's result. */
public record BatchResults(int accepted, int refused, List<BatchItemResult> results) {

  static BatchResults of(List<BatchItemResult> results) {
    int accepted = (int) results.stream().filter(r -> r.status() == 202).count();
    return new BatchResults(accepted, results.size() - accepted, results);
  }
}
