package io.vertomic.peerserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Content negotiation for answers: MessagePack when the request accepts {@code
 * application/msgpack}, JSON otherwise (docs/http-api.md).
 */
final class Answers {
  static final String JSON = "application/json";
  static final String MSGPACK = "application/msgpack";
  static final String NDJSON = "application/x-ndjson";
  static final String MSGPACK_SEQ = "application/vnd.vertomic.msgpack-seq";

  private Answers() {}

  /** Sends {@code value} (maps, lists and Vertomic values) with the status already set. */
  static void send(RoutingContext ctx, Object value) {
    boolean msgpack = accepts(ctx, MSGPACK);
    Buffer body =
        msgpack
            ? Buffer.buffer(MsgpackCodec.encode(value))
            : Buffer.buffer(Json.encode(JsonValues.toJson(value)));
    ctx.response().putHeader("Content-Type", msgpack ? MSGPACK : JSON).end(body);
  }

  /** Sends {@code value} with {@code status}. */
  static void send(RoutingContext ctx, int status, Object value) {
    ctx.response().setStatusCode(status);
    send(ctx, value);
  }

  /** Whether the request's Accept header names {@code type}. */
  static boolean accepts(RoutingContext ctx, String type) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains(type);
  }

  /** The chunk-stream format the request asks for, or null for a whole answer. */
  static String streamFormat(RoutingContext ctx) {
    if (accepts(ctx, NDJSON)) {
      return NDJSON;
    }
    return accepts(ctx, MSGPACK_SEQ) ? MSGPACK_SEQ : null;
  }
}
