package dev.rewards.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents (RFC 9457) written straight to the response, for refusals made before Spring
 * MVC and its exception handlers run: by the security filters, the firewall, the body limit.
 */
public final class ProblemWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  public static void write(
      HttpServletResponse response, int status, String slug, String title, String detail)
      throws IOException {
    write(response, status, slug, title, detail, null);
  }

  /** With {@code field}, the request part at fault, as the API's own problems name it. */
  public static void write(
      HttpServletResponse response,
      int status,
      String slug,
      String title,
      String detail,
      String field)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    Map<String, Object> body = new LinkedHashMap<>();
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
