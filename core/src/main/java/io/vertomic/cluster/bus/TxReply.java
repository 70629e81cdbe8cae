package io.vertomic.cluster.bus;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.wire.Msgpack;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageUnpacker;

/**
 * The transactor's answer to a committed transaction: its {@code t} (durable before this reply is
 * sent; its log entry reaches the peer in the group's {@link TxReports}) and the ids its tempids
 * got. The answer to a {@link TxRequest} is the outcome of each of its transactions, in order: a
 * reply, or the anomaly that refused it.
 *
 * <p>On the bus an answer is MessagePack in a buffer, as the request is. Layout: an array of
 * outcomes, each a reply {@code [t {tempid id...}]} or a refusal, the anomaly's JSON as a string.
 */
public record TxReply(long t, Map<String, Long> tempids) {
  /** The answer to a request: each outcome a {@link TxReply} or a failure. */
  public static Buffer answer(List<Object> outcomes) {
    try (MessageBufferPacker p = Msgpack.packer()) {
      p.packArrayHeader(outcomes.size());
      for (Object o : outcomes) {
        if (o instanceof TxReply r) {
          p.packArrayHeader(2);
          p.packLong(r.t());
          p.packMapHeader(r.tempids().size());
          for (Map.Entry<String, Long> e : r.tempids().entrySet()) {
            p.packString(e.getKey());
            p.packLong(e.getValue());
          }
        } else {
          p.packString(AnomalyMessages.toJson((Throwable) o).encode());
        }
      }
      return Buffer.buffer(p.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("a buffer packer does no I/O", e);
    }
  }

  /**
   * The outcomes of an answer, in order: each a {@link TxReply} or an {@link Anomaly}; fails with
   * an {@link IOException} or a {@link RuntimeException} when {@code answer} is not one.
   */
  public static List<Object> outcomes(Buffer answer) throws IOException {
    try (MessageUnpacker u = Msgpack.unpacker(answer.getBytes())) {
      int n = u.unpackArrayHeader();
      List<Object> out = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        if (u.getNextFormat().getValueType().isStringType()) {
          out.add(AnomalyMessages.fromJson(new JsonObject(Msgpack.string(u))));
          continue;
        }
        if (u.unpackArrayHeader() != 2) {
          throw new IOException("a reply is an array of 2");
        }
        long t = u.unpackLong();
        int ids = u.unpackMapHeader();
        Map<String, Long> tempids = new LinkedHashMap<>(ids + ids / 3 + 1); // no rehashing
        for (int k = 0; k < ids; k++) {
          tempids.put(Msgpack.string(u), u.unpackLong());
        }
        out.add(new TxReply(t, tempids));
      }
      return out;
    }
  }
}
