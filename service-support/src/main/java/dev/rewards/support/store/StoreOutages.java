package dev.rewards.support.store;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import dev.rewards.support.system.Causes;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Tells a store that is temporarily unreachable from a record that can never be processed. Workers
 * wait out the first (retrying the same record) and give up on the second.
 */
public final class StoreOutages {

  private StoreOutages() {}

  public static boolean isOutage(Throwable failure) {
    if (Causes.include(
        failure,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        MongoSocketException.class,
        MongoTimeoutException.class)) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError")) {
        return true;
      }
    }
    return false;
  }

  /** Growing pauses up to 5 s, with no end: the outage is waited out, however long. */
  public static BackOff untilTheStoreIsBack() {
    ExponentialBackOff backOff = new ExponentialBackOff(250, 2);
    backOff.setMaxInterval(5_000);
    return backOff;
  }
}
