package dev.rewards.api.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Problem responses written by filters, before Spring MVC (and its exception handlers) run. */
public final class FilterProblems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FilterProblems() {}

  public static void write(
      HttpServletResponse response, int status, String slug, String title, String detail)
      throws IOException {
    write(response, status, slug, title, detail, null);
  }

  /** With {@code field}, the request part at fault, as ProblemResponses names it. */
  public static void write(
      HttpServletResponse response,
      int status,
      String slug,
      String title,
      String detail,
      String field)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("type", "/problems/" + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (field != null) {
      body.put("field", field);
    }
    response
        .getOutputStream()
        .write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }
}
