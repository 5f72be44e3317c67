package dev.rewards.api.points;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What became of one purchase of a batch: {@code status} is the HTTP status it would have had alone
 * — 202 with its commandId, or 400/404/422/503 with a problem title, detail and field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(
    int index,
    String userId,
    int status,
    UUID commandId,
    String location,
    String title,
    String detail,
    String field) {

  static BatchItemResult accepted(int index, String userId, UUID commandId) {
    return new BatchItemResult(
        index, userId, 202, commandId, "/rewards/commands/" + commandId, null, null, null);
  }

  static BatchItemResult refused(
      int index, String userId, int status, String title, String detail, String field) {
    return new BatchItemResult(index, userId, status, null, null, title, detail, field);
  }
}
