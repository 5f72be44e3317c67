package dev.rewards.api.system;

import dev.rewards.support.store.StoreOutages;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error is an RFC 9457 problem: a title, a human-readable detail and, for bad input, the
 * {@code field} at fault. Unexpected failures are logged here and answered without internals.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<Object> invalidField(InvalidFieldException e) {
    return problem(
        HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), Map.of("field", e.field()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), Map.of());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), Map.of("field", e.field()));
  }

  @ExceptionHandler(RefusedException.class)
  ResponseEntity<Object> refused(RefusedException e) {
    if (e.status().is5xxServerError()) {
      log.warn(
          "Request refused ({}): {}",
          e.title(),
          e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    }
    ResponseEntity<Object> answer =
        problem(
            e.status(),
            e.title(),
            e.getMessage(),
            e.field() == null ? Map.of() : Map.of("field", e.field()));
    if (e.headers().isEmpty()) {
      return answer;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(answer.getHeaders());
    e.headers().forEach(headers::set);
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (StoreOutages.isOutage(e)) {
      log.warn("Request refused, store unavailable: {}", e.getMessage());
      return problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The database is unavailable; nothing was changed. Retry later (same Idempotency-Key).",
          Map.of());
    }
    log.error("Unexpected failure", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request could not be completed.",
        Map.of());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList();
    String detail =
        errors.stream()
            .map(f -> f.get("field") + " " + f.get("message"))
            .sorted()
            .collect(Collectors.joining("; "));
    String first = errors.stream().map(f -> f.get("field")).sorted().findFirst().orElse("body");
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        detail,
        Map.of("field", first, "errors", errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "Invalid request",
          "Unknown field '" + unknown.getPropertyName() + "'",
          Map.of("field", unknown.getPropertyName()));
    }
    if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
      String field = fieldPath(bind);
      return problem(
          HttpStatus.BAD_REQUEST,
          "Invalid request",
          "Field '" + field + "' has the wrong type or format",
          Map.of("field", field));
    }
    String detail =
        cause instanceof JacksonException
            ? "Malformed JSON body"
            : "Request body is missing or unreadable";
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, Map.of("field", "body"));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        "'" + field + "' has the wrong type or format",
        Map.of("field", field));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (status.is5xxServerError()) {
      log.error("Request failed", e);
    }
    if (body instanceof ProblemDetail problem) {
      problem.setType(typeOf(HttpStatus.valueOf(status.value())));
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  /** A stable, relative problem type per status, e.g. {@code /problems/bad-request}. */
  static URI typeOf(HttpStatus status) {
    return URI.create(
        "/problems/" + status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'));
  }

  private static String fieldPath(DatabindException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  static ResponseEntity<Object> problem(
      HttpStatus status, String title, String detail, Map<String, Object> extensions) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(typeOf(status));
    problem.setTitle(title);
    extensions.forEach(problem::setProperty);
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
