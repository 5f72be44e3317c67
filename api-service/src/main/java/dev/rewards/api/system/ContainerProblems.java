package dev.rewards.api.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Some requests are refused by Tomcat itself, before any filter or controller sees them: an encoded
 * slash or a NUL byte in the path, a malformed request line. Tomcat would answer those with its
 * HTML error page; this puts a problem+json body there instead, like every other refusal. Ordered
 * last, so it replaces the error valve Spring Boot installs.
 */
@Component
class ContainerProblems
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Pipeline host = context.getParent().getPipeline();
          for (Valve valve : host.getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.removeValve(valve);
            }
          }
          host.addValve(new ProblemReportValve());
          if (context.getParent() instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Tomcat's error report, as a problem document without any server detail. */
  public static class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer body = response.getReporter();
        if (body != null) {
          body.write(
              "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"The request was refused before it reached the API (malformed path or request line); nothing was done.\"}"
                  .formatted(title, status));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone; nothing more to tell the client
      }
    }
  }
}
