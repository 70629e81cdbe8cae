package io.vertomic.peerserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertomic.logging.LineLayout;
import io.vertomic.query.fn.Functions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The peer server's log, as its backend writes it: a fault is one JSON line carrying the id the
 * HTTP answer showed, and the access secret never appears in it, not even where a failure's own
 * message held it.
 */
class ServerLogsTest {
  private static final String SECRET = "Zq8-not-for-logs";

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private LoggerContext context;
  private Server server;

  @BeforeEach
  void capture() {
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
    captured.setContext(context);
    captured.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
    server = new Server(new JsonObject().put("accessKey", "app").put("secret", SECRET));
  }

  @AfterEach
  void stop() {
    server.close();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
  }

  private HttpResponse<Buffer> post(String path, JsonObject body, String secret) {
    return Server.await(
        server
            .http
            .post(path)
            .basicAuthentication("app", secret)
            .putHeader("X-Debug", "secret=" + secret)
            .sendJsonObject(body));
  }

  @Test
  void aFaultIsLoggedAsOneJsonLineUnderTheIdTheAnswerShowsAndNoSecretIsLogged() {
    Functions.register(
        "test.logs/boom",
        args -> {
          throw new IllegalStateException(
              "could not reach postgresql://app:" + SECRET + "@db:5432/x with secret=" + SECRET);
        });
    String db = Server.freshName();
    assertEquals(
        401, post("/api/databases", new JsonObject().put("name", db), "wrong").statusCode());
    assertEquals(
        201, post("/api/databases", new JsonObject().put("name", db), SECRET).statusCode());
    HttpResponse<Buffer> r =
        post(
            "/api/databases/" + db + "/query",
            new JsonObject().put("query", "[:find ?x :where [(test.logs/boom) ?x]]"),
            SECRET);
    assertEquals(500, r.statusCode(), r.bodyAsString());
    Matcher m = Pattern.compile("Internal error ([0-9a-f-]{36})").matcher(r.bodyAsString());
    assertTrue(m.find(), r.bodyAsString());

    LineLayout json = new LineLayout(true);
    List<String> lines = captured.list.stream().map(json::doLayout).toList();
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("\"fault\":\"" + m.group(1) + "\"")),
        String.join("", lines));
    for (String line : lines) {
      assertEquals(1, line.lines().count(), line);
      assertFalse(line.contains(SECRET), line);
    }
  }
}
