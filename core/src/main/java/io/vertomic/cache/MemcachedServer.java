package io.vertomic.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connection to one memcached server, speaking its text protocol with pipelining: requests are
 * written in order and the server answers in order, so a FIFO of pending gets matches answers to
 * requests. {@code set} uses {@code noreply}, so only gets wait for an answer. A get that is not
 * answered within the timeout, or a connection that fails, counts as a miss; the connection is made
 * again on the next request, at most once a second while the server is down.
 */
final class MemcachedServer {
  private static final long RETRY_MS = 1000;

  final String host;
  final int port;
  private final Vertx vertx;
  private final NetClient client;
  private final long timeoutMs;
  private final Deque<Promise<byte[]>> pending = new ArrayDeque<>();
  private Future<NetSocket> socket;
  private long downSince = -1;
  private int valueLength = -1;
  private byte[] value;
  private RecordParser parser;

  MemcachedServer(Vertx vertx, NetClient client, String host, int port, long timeoutMs) {
    this.vertx = vertx;
    this.client = client;
    this.host = host;
    this.port = port;
    this.timeoutMs = timeoutMs;
  }

  Future<byte[]> get(String key) {
    Future<NetSocket> s = socket();
    if (s == null) {
      return Future.succeededFuture();
    }
    Promise<byte[]> answer = Promise.promise();
    s.onComplete(
        ar -> {
          if (ar.failed()) {
            answer.tryComplete();
            return;
          }
          synchronized (this) {
            pending.add(answer);
            ar.result().write("get " + key + "\r\n");
          }
        });
    long timer = vertx.setTimer(timeoutMs, id -> answer.tryComplete());
    return answer.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  void set(String key, byte[] value) {
    Buffer b = Buffer.buffer(value.length + key.length() + 40);
    b.appendString("set " + key + " 0 0 " + value.length + " noreply\r\n");
    b.appendBytes(value).appendString("\r\n");
    send(b);
  }

  /** Sends a {@code noreply} command. */
  void command(String text) {
    send(Buffer.buffer(text));
  }

  private void send(Buffer b) {
    Future<NetSocket> s = socket();
    if (s == null) {
      return;
    }
    s.onSuccess(
        socket -> {
          synchronized (this) {
            socket.write(b);
          }
        });
  }

  synchronized Future<Void> close() {
    failAll();
    Future<NetSocket> s = socket;
    socket = null;
    return s == null || !s.succeeded() ? Future.succeededFuture() : s.result().close();
  }

  // the connection, made when there is none (at most once a second while the server is down);
  // null while it is down
  private synchronized Future<NetSocket> socket() {
    if (socket == null) {
      if (downSince >= 0 && System.currentTimeMillis() - downSince < RETRY_MS) {
        return null;
      }
      socket =
          client
              .connect(port, host)
              .onComplete(ar -> attached(ar.succeeded() ? ar.result() : null));
    }
    return socket;
  }

  private synchronized void attached(NetSocket s) {
    if (s == null) {
      socket = null;
      downSince = System.currentTimeMillis();
      return;
    }
    downSince = -1;
    parser = RecordParser.newDelimited("\r\n", this::record);
    s.handler(parser);
    s.closeHandler(v -> lost());
    s.exceptionHandler(e -> s.close());
  }

  private synchronized void lost() {
    socket = null;
    downSince = System.currentTimeMillis();
    failAll();
  }

  private void failAll() {
    for (Promise<byte[]> p : pending) {
      p.tryComplete();
    }
    pending.clear();
  }

  private synchronized void record(Buffer record) {
    if (valueLength >= 0) {
      value = record.getBytes(0, valueLength);
      valueLength = -1;
      parser.delimitedMode("\r\n");
      return;
    }
    String line = record.toString(StandardCharsets.US_ASCII);
    if (line.startsWith("VALUE ")) {
      String[] parts = line.split(" ");
      valueLength = Integer.parseInt(parts[3]);
      parser.fixedSizeMode(valueLength + 2);
    } else {
      // END closes a get's answer; errors answer it as a miss
      Promise<byte[]> p = pending.poll();
      if (p != null) {
        p.tryComplete(line.equals("END") ? value : null);
      }
      value = null;
    }
  }
}
