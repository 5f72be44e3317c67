package dev.rewards.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;

/** A host and port, with the two questions the launcher asks of one. */
record HostPort(String host, int port) {

  static HostPort parse(String hostPort, int defaultPort) {
    String value = hostPort.trim();
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      return new HostPort(value, defaultPort);
    }
    return new HostPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
  }

  /** Whether something accepts TCP connections here. */
  boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether this is an address of this machine, where an embedded server may be started. */
  boolean isLocal() {
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress() || address.isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether a server could listen on this port on every interface. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
