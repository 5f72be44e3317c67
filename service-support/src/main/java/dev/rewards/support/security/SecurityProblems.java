package dev.rewards.support.security;

import dev.rewards.support.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every refusal by Spring Security as a problem document that says what to send instead, never
 * naming a secret: 401 (no or wrong credentials), 403 (valid credentials that do not reach this
 * route), 400 (a path the firewall will not route: encoded slashes, {@code ;} parameters, {@code
 * //}, {@code /./}, {@code ..}).
 */
public final class SecurityProblems
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"rewards\"");
    ProblemWriter.write(
        response,
        401,
        "unauthorized",
        "Unauthorized",
        // our own messages say which credential was wrong; any other failure means none was sent
        failure instanceof BadCredentialsException
            ? failure.getMessage()
            : "This endpoint needs credentials: X-API-Key for the API, Authorization: Bearer"
                + " <admin token> for admin routes and metrics, ?token= for event streams");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    ProblemWriter.write(
        response,
        403,
        "forbidden",
        "Forbidden",
        "These credentials do not open this endpoint: admin routes and metrics need"
            + " Authorization: Bearer <admin token>, and a user's token follows that user only");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    ProblemWriter.write(
        response,
        400,
        "rejected-path",
        "Bad Request",
        "The request path is not in canonical form (encoded or doubled slashes, ';' parameters,"
            + " '.' or '..' segments, or characters not allowed in a URL); nothing was done");
  }
}
