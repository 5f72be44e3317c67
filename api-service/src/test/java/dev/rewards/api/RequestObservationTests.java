package dev.rewards.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A request is observed once, as an HTTP request (its metrics and trace id); Spring Security's
 * per-filter, authentication and authorisation observations, which cost about 40 % of a request's
 * processor time, are off.
 */
@ApiIntegrationTest
@TestPropertySource(
    properties = {"rewards.security.admin-token=admin-secret", "rewards.benchmark.enabled=true"})
class RequestObservationTests {

  @LocalServerPort int port;

  @Autowired ObservationRegistry registry;

  @Test
  void aRequestIsObservedAsAnHttpRequestWithoutSpringSecurityObservations() {
    Queue<String> started = new ConcurrentLinkedQueue<>();
    // a handler cannot be removed from the shared context's registry: it records only during this
    // test
    AtomicBoolean recording = new AtomicBoolean(true);
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return recording.get();
              }

              @Override
              public void onStart(Observation.Context context) {
                started.add(context.getName());
              }
            });

    ApiClient.Response accepted;
    try {
      accepted =
          new ApiClient(port)
              .post(
                  "/rewards/benchmark/noop/anyone",
                  "{\"points\":5,\"category\":\"shopping\",\"amount\":10}");
    } finally {
      recording.set(false);
    }

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(started).contains("http.server.requests");
    assertThat(started).noneMatch(name -> name.startsWith("spring.security"));
  }
}
