package dev.rewards.api.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** Which futures are answered on the request thread, and that every one is answered the same. */
class PromptFutureHandlerTests {

  record Answer(String said) {}

  /** Completed only when a test says so: a future slower than any wait. */
  static final CompletableFuture<ResponseEntity<Answer>> LATE = new CompletableFuture<>();

  @RestController
  static class Futures {

    private final Executor shortlyAfter =
        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);

    @GetMapping("/complete")
    CompletableFuture<ResponseEntity<Answer>> complete() {
      return CompletableFuture.completedFuture(
          ResponseEntity.accepted().header("Location", "/answers/now").body(new Answer("now")));
    }

    @GetMapping("/shortly")
    CompletableFuture<ResponseEntity<Answer>> shortly() {
      return CompletableFuture.supplyAsync(
          () -> ResponseEntity.accepted().body(new Answer("shortly")), shortlyAfter);
    }

    @GetMapping("/body")
    CompletableFuture<Answer> body() {
      return CompletableFuture.completedFuture(new Answer("a body"));
    }

    @GetMapping("/late")
    CompletableFuture<ResponseEntity<Answer>> late() {
      return LATE;
    }

    @GetMapping("/failed")
    CompletableFuture<ResponseEntity<Answer>> failed() {
      return CompletableFuture.failedFuture(new IllegalStateException("broken"));
    }
  }

  @Configuration
  @EnableWebMvc
  @Import({PromptAnswers.class, Futures.class})
  static class Web {}

  private AnnotationConfigWebApplicationContext context;
  private MockMvc mvc;

  @BeforeEach
  void startWeb() {
    context = new AnnotationConfigWebApplicationContext();
    context.setServletContext(new MockServletContext());
    // the service's default; "shortly" (20 ms) completes within it, "late" never does
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource("wait", Map.of(PromptAnswers.WAIT, Duration.ofMillis(250))));
    context.register(Web.class);
    context.refresh();
    mvc = MockMvcBuilders.webAppContextSetup(context).build();
  }

  @AfterEach
  void stopWeb() {
    context.close();
  }

  @Test
  void answersAFutureAlreadyCompleteOnTheRequestThreadWithItsStatusHeadersAndBody()
      throws Exception {
    mvc.perform(get("/complete"))
        .andExpect(request().asyncNotStarted())
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/answers/now"))
        .andExpect(jsonPath("$.said").value("now"));
  }

  @Test
  void answersAFutureCompletingWithinTheWaitOnTheRequestThread() throws Exception {
    mvc.perform(get("/shortly"))
        .andExpect(request().asyncNotStarted())
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.said").value("shortly"));
  }

  @Test
  void writesAFuturesPlainValueAsTheResponseBody() throws Exception {
    mvc.perform(get("/body"))
        .andExpect(request().asyncNotStarted())
        .andExpect(status().isOk())
        .andExpect(content().json("{\"said\":\"a body\"}"));
  }

  @Test
  void answersAFutureSlowerThanTheWaitAsynchronouslyWithItsValue() throws Exception {
    MvcResult started = mvc.perform(get("/late")).andExpect(request().asyncStarted()).andReturn();
    LATE.complete(ResponseEntity.accepted().body(new Answer("later")));

    mvc.perform(asyncDispatch(started))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.said").value("later"));
  }

  @Test
  void leavesAFailedFutureToTheAsynchronousPath() throws Exception {
    mvc.perform(get("/failed")).andExpect(request().asyncStarted());
  }
}
