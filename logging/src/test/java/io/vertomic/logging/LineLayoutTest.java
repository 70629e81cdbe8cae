package io.vertomic.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event is one line, as text or as JSON, carrying its key-value pairs and its exception, and
 * no secret reaches it: URI passwords, secret/password/token values, authorization headers.
 */
class LineLayoutTest {
  private static final String SECRET = "s3cr3t-Value";

  private static List<ILoggingEvent> logged(java.util.function.Consumer<org.slf4j.Logger> log) {
    LoggerContext context = new LoggerContext();
    ListAppender<ILoggingEvent> list = new ListAppender<>();
    list.setContext(context);
    list.start();
    context.getLogger("root").addAppender(list);
    log.accept(context.getLogger("test"));
    return list.list;
  }

  private static String line(boolean json, ILoggingEvent e) {
    return new LineLayout(json).doLayout(e);
  }

  @Test
  void aFaultIsOneJsonLineWithItsIdItsMessageAndItsStack() {
    ILoggingEvent e =
        logged(
                l ->
                    l.atError()
                        .addKeyValue("fault", "f-123")
                        .setCause(
                            new IllegalStateException(
                                "broken\nin two", new RuntimeException("root")))
                        .log("fault on /api/query"))
            .get(0);
    String line = line(true, e);
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("{\"time\":\""), line);
    assertTrue(line.contains("\"level\":\"ERROR\""), line);
    assertTrue(line.contains("\"message\":\"fault on /api/query\""), line);
    assertTrue(line.contains("\"fault\":\"f-123\""), line);
    assertTrue(line.contains("IllegalStateException: broken\\\\nin two"), line);
    assertTrue(line.contains("caused by java.lang.RuntimeException: root"), line);
    assertTrue(line.contains(" <- io.vertomic.logging.LineLayoutTest"), line);
  }

  @Test
  void aTextLineHoldsTheSameOnOneLine() {
    ILoggingEvent e = logged(l -> l.atWarn().addKeyValue("db", "people").log("slow\nquery")).get(0);
    String line = line(false, e);
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.contains("WARN  test ["), line);
    assertTrue(line.contains("slow\\nquery db=people"), line);
  }

  @Test
  void noSecretReachesALineInEitherFormat() {
    List<String> messages =
        List.of(
            "storage vertomic:sql://*?postgresql://app:" + SECRET + "@db.example:5432/prod",
            "config {\"secret\": \"" + SECRET + "\", \"port\": 8998}",
            "env VERTOMIC_SECRET=" + SECRET + " VERTOMIC_ACCESS_KEY=app",
            "header Authorization: Basic " + SECRET,
            "login password=" + SECRET + "&user=app",
            "aws token: " + SECRET);
    for (String m : messages) {
      for (boolean json : new boolean[] {true, false}) {
        ILoggingEvent e =
            logged(l -> l.atInfo().addKeyValue("seen", m).setCause(new RuntimeException(m)).log(m))
                .get(0);
        String line = line(json, e);
        assertFalse(line.contains(SECRET), line);
        assertTrue(line.contains(Secrets.MASK), line);
      }
    }
  }

  @Test
  void whatIsNotASecretIsLeftAlone() {
    String m = "connected to vertomic:sql://*?postgresql://postgres@127.0.0.1:5432/test as app";
    assertEquals(m, Secrets.mask(m));
  }

  @Test
  void theEnvironmentChoosesJsonAndTheLevel() {
    LoggerContext context = new LoggerContext();
    LogConfigurator.configure(
        context, Map.of("VERTOMIC_LOG_FORMAT", "json", "VERTOMIC_LOG_LEVEL", "debug"));
    assertEquals(ch.qos.logback.classic.Level.DEBUG, context.getLogger("root").getLevel());
    assertFalse(context.getLogger("x").isTraceEnabled());
  }
}
