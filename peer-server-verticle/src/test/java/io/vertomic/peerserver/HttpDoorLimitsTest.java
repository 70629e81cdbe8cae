package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The HTTP door's own limits (docs/security.md, "Limits and hardening"), driven over raw sockets as
 * a hostile client would: a sender that trickles its request is cut off at the request deadline,
 * oversized request lines and headers get anomalies, and one client may hold only so many streams.
 */
class HttpDoorLimitsTest {
  private static final String AUTH =
      "Authorization: Basic "
          + Base64.getEncoder().encodeToString("dev:dev".getBytes(StandardCharsets.UTF_8))
          + "\r\n";
  private static Server server;

  @BeforeAll
  static void start() {
    server =
        new Server(
            new JsonObject()
                .put("requestDeadlineMillis", 1000)
                .put("maxStreamsPerClient", 1)
                .put("maxHeaderBytes", 2048));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSenderTricklingItsHeadersIsCutOffAtTheRequestDeadline() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes());
      assertTrue(
          closedWhileTrickling(s, 'X'), "the server kept a trickling sender's connection for 30 s");
    }
  }

  @Test
  void aSenderTricklingItsBodyIsCutOffAtTheRequestDeadline() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.getOutputStream()
          .write(
              ("POST /api/databases HTTP/1.1\r\nHost: x\r\n"
                      + AUTH
                      + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                  .getBytes());
      assertTrue(
          closedWhileTrickling(s, ' '), "the server kept a trickling sender's connection for 30 s");
    }
  }

  // one more byte now and then keeps the connection busy, never idle: only the request deadline
  // can end it; true when the server closed it within 30 s
  private static boolean closedWhileTrickling(Socket s, char next) throws IOException {
    s.setSoTimeout(200);
    long until = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < until) {
      try {
        if (s.getInputStream().read() < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        try {
          s.getOutputStream().write(next);
        } catch (IOException gone) {
          return true;
        }
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRequestLineOverTheLimitIsAnIncorrectAnomalyAnswered414() throws Exception {
    String answer = exchange("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(414, status(answer), answer);
    assertTrue(answer.contains("\"anomaly\":\"incorrect\""), answer);
    assertTrue(answer.contains("The request line is over the limit of 4096 bytes"), answer);
  }

  @Test
  void headersOverTheLimitAreAnIncorrectAnomalyAnswered431() throws Exception {
    String answer =
        exchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(5000) + "\r\n\r\n");
    assertEquals(431, status(answer), answer);
    assertTrue(answer.contains("The request headers are over the limit of 2048 bytes"), answer);
  }

  @Test
  void aChunkedBodyTheDecoderGivesUpOnClosesTheConnectionAndIsNoFault() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.setContext(context);
    logged.start();
    context.getLogger(Failures.class).addAppender(logged);
    try {
      String answer =
          exchange(
              "POST /api/databases HTTP/1.1\r\nHost: x\r\n"
                  + AUTH
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "1".repeat(5000)
                  + "\r\n");
      assertEquals("", answer, "the decoder closes the connection: no answer can follow");
      // the server's one event loop handled the failure before it answers this
      assertEquals(200, Server.ok(server.get("/health")).statusCode());
      assertEquals(List.of(), logged.list.stream().map(ILoggingEvent::getMessage).toList());
    } finally {
      context.getLogger(Failures.class).detachAppender(logged);
    }
  }

  @Test
  void bytesThatAreNotHttpAreAnIncorrectAnomalyAnswered400() throws Exception {
    String answer = exchange("\u0001\u0002 garbage \u00ff\r\n\r\n");
    assertEquals(400, status(answer), answer);
    assertTrue(answer.contains("\"anomaly\":\"incorrect\""), answer);
  }

  @Test
  void aClientOverItsOpenStreamsIsRefusedBusyUntilOneEnds() throws Exception {
    String name = Server.freshName();
    server.createPeople(name);
    String head =
        "POST /api/databases/"
            + name
            + "/query HTTP/1.1\r\nHost: x\r\n"
            + AUTH
            + "Accept: application/x-ndjson\r\nContent-Type: application/json\r\n";
    String body = new JsonObject().put("query", "[:find ?n :where [_ :person/name ?n]]").encode();
    try (Socket held = new Socket("127.0.0.1", server.port)) {
      // a stream whose body is not all sent yet holds its slot
      held.getOutputStream()
          .write((head + "Content-Length: " + body.length() + "\r\n\r\n{").getBytes());
      String refused = exchange(head + "Content-Length: " + body.length() + "\r\n\r\n" + body);
      assertTrue(refused.startsWith("HTTP/1.1 429"), refused);
      assertTrue(refused.contains("1 streams open for client 127.0.0.1"), refused);
      held.getOutputStream().write(body.substring(1).getBytes());
      String streamed = readAnswer(held.getInputStream());
      assertTrue(streamed.contains("{\"chunk\":["), streamed);
    }
    String again = exchange(head + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    assertEquals("HTTP/1.1 200 OK", again.substring(0, again.indexOf('\r')));
  }

  // the decoder answers an unreadable request as HTTP/1.0, whatever version it claimed
  private static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  /** Sends {@code request} on a fresh connection and reads the answer until it ends. */
  private static String exchange(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return readAnswer(s.getInputStream());
    }
  }

  // the answer's head and body: to the close, to the content length or to the last chunk
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      out.write(b);
      String text = out.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        continue;
      }
      if (text.endsWith("\r\n0\r\n\r\n")) {
        return text;
      }
      int at = text.toLowerCase().indexOf("content-length: ");
      if (at >= 0 && at < end) {
        int n = Integer.parseInt(text.substring(at + 16, text.indexOf('\r', at)).trim());
        if (out.size() >= end + 4 + n) {
          return text;
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
