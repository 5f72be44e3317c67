package dev.rewards.api.points;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /rewards/add-points-batch}: purchases uploaded together by a till. */
public record PurchaseBatch(
    @Schema(description = "1 to 200 purchases; each is accepted or refused on its own")
        @NotEmpty
        @Size(max = PurchaseBatch.MAX_ITEMS)
        List<@NotNull BatchPurchase> purchases) {

  public static final int MAX_ITEMS = 200;
}
