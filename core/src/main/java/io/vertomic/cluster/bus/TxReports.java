package io.vertomic.cluster.bus;

import io.vertomic.storage.LogRecord;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The tx report of one group of transactions the transactor made durable together: their log
 * entries in {@code t} order, each as the log holds it ({@link io.vertomic.wire.TxEntryCodec}), one
 * bus message for the whole group. Each entry is preceded by its {@code t}, so a peer skips the
 * entries it has without decoding them. Layout: {@code count:int (t:long length:int bytes)*}.
 */
public final class TxReports {
  private TxReports() {}

  public static Buffer encode(List<LogRecord> group) {
    int size = 4;
    for (LogRecord r : group) {
      size += 12 + r.entry().length;
    }
    Buffer b = Buffer.buffer(size).appendInt(group.size());
    for (LogRecord r : group) {
      b.appendLong(r.t()).appendInt(r.entry().length).appendBytes(r.entry());
    }
    return b;
  }

  /** The entries of a report; fails with an {@link IndexOutOfBoundsException} when it is cut. */
  public static List<LogRecord> decode(Buffer b) {
    int n = b.getInt(0);
    List<LogRecord> out = new ArrayList<>(n);
    int at = 4;
    for (int i = 0; i < n; i++) {
      long t = b.getLong(at);
      int length = b.getInt(at + 8);
      out.add(new LogRecord(t, b.getBytes(at + 12, at + 12 + length)));
      at += 12 + length;
    }
    return out;
  }
}
