package io.vertomic.peerserver;

import io.vertomic.msgpack.MsgpackValues;
import io.vertomic.peerserver.HostileRequest.Delivery;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fires {@link HostileRequests} at a running peer server over raw sockets and judges every answer
 * against API.md section 6: an anomaly whose category matches its status, a success only where one
 * is possible, never a 500 (a fault is a bug, and its id names the log line to read), and a closed
 * connection only where the request was cut short or too slow. Keeps counts by kind and status, and
 * samples the server's heap from {@code /metrics} as it goes. Runnable against a server that is
 * already up: {@code HttpFuzzer HOST PORT REQUESTS SEED}.
 */
final class HttpFuzzer {
  private static final Map<Integer, String> CATEGORY =
      Map.ofEntries(
          Map.entry(400, "incorrect"),
          Map.entry(401, "forbidden"),
          Map.entry(403, "forbidden"),
          Map.entry(404, "not-found"),
          Map.entry(405, "incorrect"),
          Map.entry(409, "conflict"),
          Map.entry(413, "incorrect"),
          Map.entry(414, "incorrect"),
          Map.entry(429, "busy"),
          Map.entry(431, "incorrect"),
          Map.entry(503, "unavailable"),
          Map.entry(504, "interrupted"),
          Map.entry(500, "fault"));

  /** More than the fuzz server's limit of 8 streams a client. */
  static final int HELD_STREAMS = 10;

  private final String host;
  private final int port;
  final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
  final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
  final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  final AtomicLong peakHeap = new AtomicLong();
  long millis;

  HttpFuzzer(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends {@code count} requests from {@code seed} on {@code threads} connections at a time. */
  HttpFuzzer run(long seed, int count, int threads, List<String> dbs) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 2);
    for (int i = 0; i < count; i++) {
      int n = i;
      inFlight.acquire();
      pool.execute(
          () -> {
            // made here, from the run's seed and its number: request n of seed s is always the
            // same, and only the requests in flight are in memory (some are megabytes)
            HostileRequest r = new HostileRequests(seed * 1_000_003L + n, dbs).next();
            try {
              judge(n, r, send(r));
            } catch (Exception | Error e) {
              problems.add("#" + n + " " + r.kind() + ": the fuzzer itself failed: " + e);
            } finally {
              inFlight.release();
            }
            if (n % 500 == 0) {
              sampleHeap();
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
      throw new IllegalStateException("the fuzz run did not end");
    }
    sampleHeap();
    millis = (System.nanoTime() - start) / 1_000_000;
    return this;
  }

  /** The answer's status line and body as text; "closed" when the server closed without one. */
  private String send(HostileRequest r) throws IOException {
    try (Socket s = new Socket(host, port)) {
      s.setSoTimeout(120_000);
      OutputStream out = s.getOutputStream();
      try {
        switch (r.delivery()) {
          case SLOW -> {
            s.setSoTimeout(500);
            for (byte b : r.bytes()) {
              out.write(b);
              out.flush();
              try {
                if (s.getInputStream().read() < 0) {
                  return "closed";
                }
                // the server answered before the request ended: read that answer
                break;
              } catch (SocketTimeoutException e) {
                // still waiting: one more byte
              }
            }
            return "slow-sender finished its request: the server never cut it off";
          }
          case HELD -> {
            return held(r);
          }
          default -> {
            out.write(r.bytes());
            out.flush();
            if (r.delivery() == Delivery.TRUNCATED) {
              s.shutdownOutput();
            }
          }
        }
      } catch (IOException e) {
        // the server may close on a request it already refused while we are still writing
      }
      try {
        String answer = readAll(s.getInputStream());
        return answer.isEmpty() ? "closed" : answer;
      } catch (IOException e) {
        return "closed";
      }
    }
  }

  /**
   * One more stream than a client may hold, each on its own connection with its body not all sent:
   * the server must refuse those past the limit {@code busy}. The answer of the last one is judged.
   */
  private String held(HostileRequest r) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < HELD_STREAMS; i++) {
        Socket s = new Socket(host, port);
        sockets.add(s);
        s.getOutputStream().write(r.bytes());
        s.getOutputStream().flush();
      }
      Socket last = sockets.get(sockets.size() - 1);
      last.setSoTimeout(5000);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      try {
        for (int n = last.getInputStream().read(buf); n >= 0; n = last.getInputStream().read(buf)) {
          b.write(buf, 0, n);
          if (b.toString(StandardCharsets.UTF_8).endsWith("}")) {
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        // no answer: the slot was free
      }
      return b.size() == 0 ? "held" : b.toString(StandardCharsets.UTF_8);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      b.write(buf, 0, n);
      if (b.size() > 8 << 20) {
        break;
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private void judge(int n, HostileRequest r, String answer) {
    byKind.computeIfAbsent(r.kind(), k -> new LongAdder()).increment();
    String where = "#" + n + " " + r.kind() + ": ";
    String requestLine = requestLine(r);
    if (answer.equals("closed") || answer.equals("held")) {
      count(answer);
      // a body refused while it is still coming in ends in a reset that may eat the answer
      if (r.delivery() == Delivery.WHOLE && !r.kind().equals("oversized-body")) {
        problems.add(where + "closed without an answer: " + preview(r.bytes()));
      }
      return;
    }
    if (!answer.startsWith("HTTP/")) {
      count("other");
      problems.add(where + "not HTTP: " + answer.substring(0, Math.min(300, answer.length())));
      return;
    }
    int status = Integer.parseInt(answer.substring(9, 12));
    count(Integer.toString(status));
    int headEnd = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, headEnd < 0 ? answer.length() : headEnd);
    byte[] body =
        headEnd < 0
            ? new byte[0]
            : answer.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
    if (status / 100 == 2) {
      if (mutates(requestLine)) {
        problems.add(where + "accepted (" + status + "): " + preview(r.bytes()));
      }
      return;
    }
    // Vert.x's own answer to a version of HTTP it does not speak, before any handler of ours
    if (status == 501 && !requestLine.endsWith("HTTP/1.1") && !requestLine.endsWith("HTTP/1.0")) {
      return;
    }
    String category = CATEGORY.get(status);
    if (category == null) {
      problems.add(where + "status " + status + " is no anomaly's: " + preview(r.bytes()));
      return;
    }
    if (body.length == 0 && requestLine.startsWith("HEAD ")) {
      return;
    }
    String anomaly;
    try {
      anomaly = anomaly(head, body);
    } catch (RuntimeException e) {
      problems.add(where + status + " without an anomaly body: " + preview(answer.getBytes()));
      return;
    }
    if (!category.equals(anomaly)) {
      problems.add(where + status + " but anomaly " + anomaly + ": " + preview(body));
    }
    if (status == 500) {
      problems.add(where + "fault: " + preview(body) + " for " + preview(r.bytes()));
    }
  }

  /** The category an anomaly answer names, in JSON or MessagePack as its Content-Type says. */
  private static String anomaly(String head, byte[] body) {
    if (head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/msgpack")) {
      return (String) ((Map<?, ?>) MsgpackValues.decode(body)).get("anomaly");
    }
    return new JsonObject(new String(body, StandardCharsets.UTF_8)).getString("anomaly");
  }

  private static String requestLine(HostileRequest r) {
    String s =
        new String(r.bytes(), 0, Math.min(r.bytes().length, 200), StandardCharsets.ISO_8859_1);
    int end = s.indexOf("\r\n");
    return end < 0 ? s : s.substring(0, end);
  }

  /** Whether a success for this request line would have changed the set of databases or one. */
  private static boolean mutates(String requestLine) {
    return requestLine.startsWith("DELETE ")
        || requestLine.startsWith("POST ") && requestLine.contains("/api/databases ")
        || requestLine.startsWith("POST ") && requestLine.contains("/transact ");
  }

  private void count(String status) {
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  private static String preview(byte[] b) {
    String s = new String(b, 0, Math.min(b.length, 300), StandardCharsets.ISO_8859_1);
    return s.replace("\r\n", "\\r\\n");
  }

  /** The server's heap in use now, from its Prometheus metrics. */
  long sampleHeap() {
    try (Socket s = new Socket(host, port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream()
          .write("GET /metrics HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n".getBytes());
      long used = 0;
      for (String line : readAll(s.getInputStream()).split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
          used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      peakHeap.accumulateAndGet(used, Math::max);
      return used;
    } catch (IOException | RuntimeException e) {
      problems.add("metrics unreadable: " + e);
      return 0;
    }
  }

  /** The counts, as a table a person reads. */
  String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("fuzz: %d requests in %.1f s%n", total(), millis / 1000.0));
    b.append("requests by kind:\n");
    new TreeMap<>(byKind).forEach((k, v) -> b.append(String.format("  %-18s %8d%n", k, v.sum())));
    b.append("answers by status:\n");
    new TreeMap<>(byStatus).forEach((k, v) -> b.append(String.format("  %-18s %8d%n", k, v.sum())));
    b.append(String.format("peak heap used: %.1f MB%n", peakHeap.get() / 1e6));
    b.append("problems: ").append(problems.size()).append('\n');
    synchronized (problems) {
      problems.stream().limit(40).forEach(p -> b.append("  ").append(p).append('\n'));
    }
    return b.toString();
  }

  long total() {
    return byKind.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public static void main(String[] args) throws Exception {
    HttpFuzzer f = new HttpFuzzer(args[0], Integer.parseInt(args[1]));
    List<String> dbs = List.of(args.length > 4 ? args[4].split(",") : new String[] {"fuzz-a"});
    f.run(Long.parseLong(args[3]), Integer.parseInt(args[2]), 16, dbs);
    System.out.print(f.report());
  }
}
