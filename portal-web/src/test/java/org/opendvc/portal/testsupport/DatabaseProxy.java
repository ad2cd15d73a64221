package org.opendvc.portal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the portal and its database that a test can break the way databases break:
 * {@link #down()} cuts every connection and refuses new ones (a database stopped or a network
 * gone), {@link #freeze()} keeps every connection open but lets no byte through (a database that
 * hangs, a full disk, a stalled network), and {@link #open()} lets everything through again.
 */
public final class DatabaseProxy implements AutoCloseable {

  /** What the relay does with the traffic. */
  public enum Mode {
    OPEN,
    DOWN,
    FROZEN
  }

  private final ServerSocket listener;
  private final String upstreamHost;
  private final int upstreamPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private volatile Mode mode = Mode.OPEN;
  private volatile boolean closed;

  private DatabaseProxy(String upstreamHost, int upstreamPort) throws IOException {
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "database-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A relay on a free local port to the database server at host:port. */
  public static DatabaseProxy to(String host, int port) throws IOException {
    return new DatabaseProxy(host, port);
  }

  /** The local port the portal should connect to instead of the database's. */
  public int port() {
    return listener.getLocalPort();
  }

  public Mode mode() {
    return mode;
  }

  /** Lets everything through (again). */
  public void open() {
    setMode(Mode.OPEN);
  }

  /** Cuts every connection and refuses new ones until {@link #open()}. */
  public void down() {
    setMode(Mode.DOWN);
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  /** Holds every byte in both directions, on open and new connections, until {@link #open()}. */
  public void freeze() {
    setMode(Mode.FROZEN);
  }

  private void setMode(Mode next) {
    synchronized (gate) {
      mode = next;
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (mode == Mode.DOWN) {
        closeQuietly(client);
        continue;
      }
      Socket server = new Socket();
      try {
        server.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5_000);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(server);
        continue;
      }
      sockets.add(client);
      sockets.add(server);
      pump(client, server, "database-proxy-up");
      pump(server, client, "database-proxy-down");
    }
  }

  private void pump(Socket from, Socket to, String name) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (!waitUntilOpen()) {
                    break;
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // the other side or down() closed the connection
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
  }

  /** Waits while frozen; false when the connection is to be cut. */
  private boolean waitUntilOpen() {
    synchronized (gate) {
      while (mode == Mode.FROZEN && !closed) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return mode == Mode.OPEN && !closed;
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    setMode(Mode.DOWN);
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
