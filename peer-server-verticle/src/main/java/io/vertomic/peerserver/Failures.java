package io.vertomic.peerserver;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.anomaly.Category;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an HTTP answer (API.md section 6): the anomaly's category
 * gives the status, the body is {@code {"anomaly": ..., "message": ..., "code": ...}}. A {@code
 * fault} is logged with its stack trace under an id and the client sees only the id.
 */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  /** Set on a request whose credentials were missing or wrong: 401 rather than 403. */
  static final String UNAUTHENTICATED = "vertomic.unauthenticated";

  /** The code of a body over the limit: {@code incorrect}, answered 413. */
  static final String BODY_TOO_LARGE = "vertomic.error/body-too-large";

  /** The code of a known path asked with a method it does not take: {@code incorrect}, 405. */
  static final String METHOD_NOT_ALLOWED = "vertomic.error/method-not-allowed";

  private Failures() {}

  /** Answers {@code failure} on {@code ctx}, in the format the request accepts. */
  static void answer(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended()) {
      return;
    }
    // the client went away (or was cut off) before its request was in: nobody to answer, no bug
    if (failure instanceof HttpClosedException && ctx.response().closed()) {
      return;
    }
    Map<String, Object> body = body(ctx, failure);
    if (ctx.response().headWritten()) {
      ctx.response().reset(); // a stream already started: the client sees a broken stream
      return;
    }
    Anomaly a = Anomalies.from(failure);
    ctx.response().setStatusCode(status(ctx, a));
    if (a.category() == Category.BUSY) {
      ctx.response().putHeader("Retry-After", "1");
    }
    if (ctx.get(UNAUTHENTICATED) != null) {
      ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"vertomic\"");
    }
    Answers.send(ctx, body);
  }

  /**
   * The anomaly map of {@code failure}, as written in answers and as the last line of a stream. A
   * {@code fault} is logged here, with its stack trace under an id, and the map names only the id.
   */
  static Map<String, Object> body(RoutingContext ctx, Throwable failure) {
    Anomaly a = Anomalies.from(failure);
    String message = a.getMessage();
    if (a.category() == Category.FAULT) {
      String id = UUID.randomUUID().toString();
      LOG.atError()
          .addKeyValue("fault", id)
          .addKeyValue("path", ctx.request().path())
          .setCause(failure)
          .log("fault " + id + " on " + ctx.request().path());
      message = "Internal error " + id + ": it is logged on the peer server";
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("anomaly", a.category().wireName());
    body.put("message", message);
    if (a.code() != null) {
      body.put("code", a.code());
    }
    return body;
  }

  private static int status(RoutingContext ctx, Anomaly a) {
    if (ctx.get(UNAUTHENTICATED) != null) {
      return 401;
    }
    if (a.code() != null && a.code().text().equals(BODY_TOO_LARGE)) {
      return 413;
    }
    if (a.code() != null && a.code().text().equals(METHOD_NOT_ALLOWED)) {
      return 405;
    }
    return a.category().httpStatus();
  }
}
