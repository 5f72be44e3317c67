package dev.rewards.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends a request exactly as written — path bytes untouched, as an attacker would — and reads the
 * status line. HTTP clients normalise or refuse odd spellings ({@code \}, {@code //}, {@code ..}),
 * so spelling tests cannot use them.
 */
public final class RawHttp {

  private RawHttp() {}

  /**
   * The response's status code, head (status line and headers) and body (up to 64 KiB, enough for
   * any problem document).
   */
  public record Response(int status, String head, String body) {}

  public static Response send(
      int port, String method, String rawTarget, Map<String, String> headers, String body) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n");
      request.append("Host: localhost:").append(port).append("\r\n");
      headers.forEach(
          (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      if (body != null) {
        request.append("Content-Type: application/json\r\n");
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      if (!headers.containsKey("Connection")) {
        request.append("Connection: close\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      String response = readUpTo(socket.getInputStream(), 64 * 1024);
      int firstSpace = response.indexOf(' ');
      int status = Integer.parseInt(response.substring(firstSpace + 1, firstSpace + 4));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new Response(
          status,
          bodyStart < 0 ? response : response.substring(0, bodyStart),
          bodyStart < 0 ? "" : response.substring(bodyStart + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response: its head, then a body by Content-Length or chunks (none for a 101). */
  private static String readUpTo(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (read.size() < limit
        && !complete(read.toString(StandardCharsets.ISO_8859_1))
        && (n = in.read(buffer)) > 0) {
      read.write(buffer, 0, n);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private static boolean complete(String response) {
    int headEnd = response.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return false;
    }
    String head = response.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
    if (head.startsWith("http/1.1 101") || head.startsWith("http/1.1 204")) {
      return true;
    }
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
    if (length.find()) {
      return response.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
    }
    if (head.contains("transfer-encoding: chunked")) {
      return response.endsWith("\r\n0\r\n\r\n");
    }
    return false; // read until the server closes
  }
}
