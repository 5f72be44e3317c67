package dev.rewards.api.system;

import dev.rewards.support.system.Causes;
import dev.rewards.support.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 64 KiB with 413, before anything parses them: at once when the
 * declared length is too large, or as soon as a chunked body passes the limit.
 */
@Component
// after Spring Security (authentication, authorisation, the write rate limit) at -100
@Order(0)
class BodySizeLimit extends OncePerRequestFilter {

  static final int MAX_BYTES = 64 * 1024;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      refuse(response);
      return;
    }
    try {
      chain.doFilter(new LimitedRequest(request), response);
    } catch (ServletException | RuntimeException e) {
      if (Causes.include(e, BodyTooLargeException.class) && !response.isCommitted()) {
        response.reset();
        refuse(response);
        return;
      }
      throw e;
    }
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    ProblemWriter.write(
        response,
        HttpStatus.CONTENT_TOO_LARGE.value(),
        "content-too-large",
        "Payload too large",
        "Request bodies are limited to 64 KiB",
        "body");
  }

  /** Thrown by the limited stream; becomes a 413. */
  static class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body over " + MAX_BYTES + " bytes");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedStream(super.getInputStream());
      }
      return limited;
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    LimitedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BYTES) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
