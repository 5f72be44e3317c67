package dev.rewards.notifier.testpage;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells websocket-test.html where the API is, so the page can post commands to it. */
@RestController
class TestPageController {

  private final String apiUrl;

  TestPageController(@Value("${rewards.notifier.api-url}") String apiUrl) {
    this.apiUrl = apiUrl;
  }

  @GetMapping("/websocket-test/config.json")
  Map<String, String> config() {
    return Map.of("apiUrl", apiUrl);
  }
}
