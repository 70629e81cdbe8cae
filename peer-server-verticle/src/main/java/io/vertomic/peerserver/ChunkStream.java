package io.vertomic.peerserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams rows chunk by chunk (docs/http-api.md, "Streaming results in chunks"): NDJSON lines or a
 * MessagePack sequence of {@code {"chunk": [...]}} maps. The next chunk is taken from the rows (on
 * a worker: a lazy index scan reads segments) only once the previous one is in the socket's buffer
 * below its high-water mark, so a slow reader holds at most about one chunk here. A failure after
 * the first chunk ends the stream with an anomaly line.
 */
final class ChunkStream {
  private final RoutingContext ctx;
  private final String format;
  private final Iterator<?> rows;
  private final int size;
  private boolean started;

  private ChunkStream(RoutingContext ctx, String format, Iterator<?> rows, int size) {
    this.ctx = ctx;
    this.format = format;
    this.rows = rows;
    this.size = size;
  }

  /** Streams {@code rows} to {@code ctx} in {@code format}, {@code size} rows a chunk. */
  static void send(RoutingContext ctx, String format, Iterator<?> rows, int size) {
    new ChunkStream(ctx, format, rows, size).next();
  }

  private void next() {
    ctx.vertx()
        .executeBlocking(this::take, true)
        .onComplete(
            ar -> {
              HttpServerResponse r = ctx.response();
              if (r.closed()) {
                return;
              }
              if (ar.failed()) {
                fail(ar.cause());
                return;
              }
              List<Object> chunk = ar.result();
              if (!started) {
                started = true;
                r.setChunked(true).putHeader("Content-Type", format);
              }
              if (!chunk.isEmpty()) {
                r.write(encode(Map.of("chunk", chunk)));
              }
              if (chunk.size() < size) {
                r.end();
              } else if (r.writeQueueFull()) {
                r.drainHandler(v -> next());
              } else {
                next();
              }
            });
  }

  private List<Object> take() {
    List<Object> chunk = new ArrayList<>(Math.min(size, 1024));
    while (chunk.size() < size && rows.hasNext()) {
      chunk.add(rows.next());
    }
    return chunk;
  }

  private void fail(Throwable cause) {
    if (!started) {
      Failures.answer(ctx, cause);
      return;
    }
    ctx.response().end(encode(Failures.body(ctx, cause)));
  }

  private Buffer encode(Map<String, ?> line) {
    return format.equals(Answers.NDJSON)
        ? Buffer.buffer(Json.encode(JsonValues.toJson(line)) + "\n")
        : Buffer.buffer(MsgpackCodec.encode(line));
  }
}
