package io.vertomic.peerserver;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The answer to a request the HTTP decoder could not read (a request line or headers over the
 * limits of {@link ServerLimits}, or no HTTP at all): an {@code incorrect} anomaly as every other
 * answer (API.md section 6), with the status Vert.x would give (414, 431 or 400). The server then
 * closes the connection. These requests never reach the router, hence this one small place.
 */
final class InvalidRequests {
  private InvalidRequests() {}

  static void answer(HttpServerRequest request, ServerLimits limits) {
    Throwable cause = request.decoderResult().cause();
    String problem = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    int status;
    String code;
    String message;
    // Netty's messages are the only way to tell these apart, as Vert.x's own default handler does
    if (problem.startsWith("An HTTP line is larger than")) {
      status = 414;
      code = ":vertomic.error/request-line-too-long";
      message = "The request line is over the limit of " + limits.maxRequestLineBytes() + " bytes";
    } else if (problem.startsWith("HTTP header is larger than")) {
      status = 431;
      code = ":vertomic.error/headers-too-large";
      message = "The request headers are over the limit of " + limits.maxHeaderBytes() + " bytes";
    } else {
      status = 400;
      code = ":vertomic.error/bad-request";
      message = "Malformed HTTP request" + (problem.isEmpty() ? "" : ": " + problem);
    }
    JsonObject body =
        new JsonObject().put("anomaly", "incorrect").put("message", message).put("code", code);
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", Answers.JSON)
        .putHeader("Connection", "close")
        .end(body.toBuffer());
  }
}
