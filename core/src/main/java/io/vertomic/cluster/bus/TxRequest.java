package io.vertomic.cluster.bus;

import io.vertomic.wire.Msgpack;
import io.vertomic.wire.ScratchPacker;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Transactions a peer sends the transactor in one message, to be applied in this order: the
 * database's name in its storage and the id it was connected to (see {@link
 * io.vertomic.wire.DbRoot}; null from a peer that does not know it), the transactions' data, each
 * as EDN text (a {@link String}) or as MessagePack ({@code byte[]} of {@link
 * io.vertomic.wire.TxDataCodec}), and how long the peer will wait for the answer. The id is what
 * the transactor goes by: a database renamed since the peer connected is found under its new name,
 * and another database created under the old name is never written by mistake. The answer holds one
 * {@link TxReply} outcome per transaction, in the same order.
 *
 * <p>On the bus a request is MessagePack in a buffer, not JSON: one goes with every transaction,
 * and JSON's encoding through Jackson cost a peer more than the rest of sending it. Layout: {@code
 * [database id timeoutMillis [edn-or-bin...]]}, names nil when unknown.
 */
public record TxRequest(String database, String id, List<Object> txs, long timeoutMillis) {
  public Buffer toBuffer() {
    try (ScratchPacker s = ScratchPacker.take()) {
      MessagePacker p = s.packer();
      p.packArrayHeader(4);
      packNullable(p, database);
      packNullable(p, id);
      p.packLong(timeoutMillis);
      p.packArrayHeader(txs.size());
      for (Object tx : txs) {
        if (tx instanceof byte[] b) {
          p.packBinaryHeader(b.length).writePayload(b);
        } else {
          p.packString((String) tx);
        }
      }
      int length = s.flush();
      return Buffer.buffer(length).appendBytes(s.array(), 0, length);
    } catch (IOException e) {
      throw new IllegalStateException("a buffer packer does no I/O", e);
    }
  }

  /**
   * The request in {@code b}; fails with an {@link IOException} or a {@link RuntimeException} when
   * it is not one.
   */
  public static TxRequest fromBuffer(Buffer b) throws IOException {
    byte[] bytes = b.getBytes();
    try (MessageUnpacker u = Msgpack.unpacker(bytes)) {
      if (u.unpackArrayHeader() != 4) {
        throw new IOException("a transaction request is an array of 4");
      }
      String database = unpackNullable(u);
      String id = unpackNullable(u);
      long timeout = u.unpackLong();
      int n = u.unpackArrayHeader();
      List<Object> txs = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        if (u.getNextFormat().getValueType() == ValueType.BINARY) {
          int length = u.unpackBinaryHeader();
          if (length > bytes.length) {
            throw new IOException("a transaction of " + length + " bytes in a shorter request");
          }
          txs.add(u.readPayload(length));
        } else {
          txs.add(Msgpack.string(u));
        }
      }
      return new TxRequest(database, id, txs, timeout);
    }
  }

  private static void packNullable(MessagePacker p, String s) throws IOException {
    if (s == null) {
      p.packNil();
    } else {
      p.packString(s);
    }
  }

  private static String unpackNullable(MessageUnpacker u) throws IOException {
    return u.tryUnpackNil() ? null : Msgpack.string(u);
  }
}
