package dev.rewards.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import dev.rewards.contracts.EarnPoints;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PendingNotesShutdownTests {

  @Test
  @SuppressWarnings("unchecked")
  void notesTheStoreCannotTakeAtShutdownAreReportedInOneWarningWithTheirCount(CapturedOutput output)
      throws Exception {
    MongoCollection<Document> commands = mock(MongoCollection.class);
    when(commands.bulkWrite(anyList(), any(BulkWriteOptions.class)))
        .thenThrow(new MongoTimeoutException("store unreachable"));
    MongoDatabase database = mock(MongoDatabase.class);
    when(database.getCollection(any())).thenReturn(commands);
    CommandStatusStore statuses = new CommandStatusStore(database);
    Instant now = Instant.now();
    for (int i = 0; i < 2_500; i++) {
      statuses.recordAccepted(
          new EarnPoints(UUID.randomUUID(), "u" + i, 1, "x", BigDecimal.ONE, now, now));
    }

    statuses.flush();

    assertThat(output.getOut().lines().filter(line -> line.contains("not written at shutdown")))
        .singleElement()
        .asString()
        .contains("2500 PENDING notes");
  }
}
