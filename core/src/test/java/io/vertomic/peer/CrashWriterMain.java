package io.vertomic.peer;

import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link CrashRecoveryTest}: writes numbered transactions to a dev database as
 * fast as it can and prints {@code ACK n} once transaction n is acknowledged, until it is killed.
 * The padding is a fulltext attribute, so its index jobs write fulltext segments too. Arguments:
 * the dev storage base directory, the database URI, the index threshold in datoms.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    Peer.configure(Peer.options().setDataDir(args[0]));
    Peer.configure(Peer.options().setIndexThresholdDatoms(Long.parseLong(args[2])));
    String uri = args[1];
    warmUpFulltext();
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    c.transact(
            "[{:db/ident :crash/n :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/unique :db.unique/identity}"
                + " {:db/ident :crash/pad :db/valueType :db.type/string :db/cardinality"
                + " :db.cardinality/one :db/fulltext true}]")
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    System.out.println("READY");
    for (long n = 0; ; n++) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < 20; i++) {
        long value = n * 20 + i;
        b.append("{:crash/n ").append(value).append(" :crash/pad \"padding w").append(value);
        b.append("\"}");
      }
      c.transact(b.append(']').toString())
          .toCompletionStage()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      System.out.println("ACK " + n);
      System.out.flush();
    }
  }

  // Loads and compiles Lucene's classes on a scratch database first (about a second), so the
  // first index job takes its usual time and the parent kills the child mid-indexing as before.
  private static void warmUpFulltext() throws Exception {
    String scratch = "vertomic:mem://warm-up";
    Peer.createDatabase(scratch);
    Connection c = Peer.connect(scratch);
    for (String tx :
        new String[] {
          "[{:db/ident :w/text :db/valueType :db.type/string :db/cardinality"
              + " :db.cardinality/one :db/fulltext true}]",
          "[{:w/text \"warm\"}]"
        }) {
      c.transact(tx).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    Peer.q("[:find ?e :where [(fulltext $ :w/text \"warm\") [[?e]]]]", c.db());
    Peer.deleteDatabase(scratch);
  }
}
