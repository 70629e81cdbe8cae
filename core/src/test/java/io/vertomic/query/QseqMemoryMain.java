package io.vertomic.query;

import io.vertomic.peer.Connection;
import io.vertomic.peer.Peer;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link QseqMemoryTest}: builds a mem database whose query below has 100,000
 * rows, each pulling a 41-key map (about 2.5 KB: some 250 MB for the whole answer), then walks
 * {@code Peer.qseq} (args[0] {@code qseq}) or {@code Peer.q} ({@code q}) over it and prints {@code
 * rows N}.
 */
public final class QseqMemoryMain {
  static final int ITEMS = 1_000;
  static final int TAGS = 100;
  static final int ATTRS = 40;
  static final String QUERY = "[:find ?i (pull ?t [*]) :where [?i :item/n] [?t :tag/name]]";

  public static void main(String[] args) throws Exception {
    String uri = "vertomic:mem://qseq-memory";
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    StringBuilder schema =
        new StringBuilder(
            "[{:db/ident :item/n :db/valueType :db.type/long :db/cardinality :db.cardinality/one}"
                + " {:db/ident :tag/name :db/valueType :db.type/string"
                + " :db/cardinality :db.cardinality/one}");
    for (int a = 0; a < ATTRS - 1; a++) {
      schema.append(" {:db/ident :tag/a").append(a);
      schema.append(" :db/valueType :db.type/long :db/cardinality :db.cardinality/one}");
    }
    await(conn, schema.append(']').toString());
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < ITEMS; i++) {
      items.append("{:item/n ").append(i).append('}');
    }
    await(conn, items.append(']').toString());
    StringBuilder tags = new StringBuilder("[");
    for (int t = 0; t < TAGS; t++) {
      tags.append("{:tag/name \"t").append(t).append('"');
      for (int a = 0; a < ATTRS - 1; a++) {
        tags.append(" :tag/a").append(a).append(' ').append(1_000_000L * t + a);
      }
      tags.append('}');
    }
    await(conn, tags.append(']').toString());
    Iterable<?> rows =
        args[0].equals("qseq")
            ? Peer.qseq(QUERY, conn.db())
            : (Iterable<?>) Peer.q(QUERY, conn.db());
    long n = 0;
    for (Object row : rows) {
      Map<?, ?> pulled = (Map<?, ?>) ((List<?>) row).get(1);
      if (pulled.size() != ATTRS + 1) {
        throw new IllegalStateException("pulled " + pulled);
      }
      n++;
    }
    System.out.println("rows " + n);
    System.exit(0);
  }

  private static void await(Connection conn, String tx) throws Exception {
    conn.transact(tx).toCompletionStage().toCompletableFuture().get();
  }
}
