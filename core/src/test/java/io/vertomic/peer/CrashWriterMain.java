package io.vertomic.peer;

import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link CrashRecoveryTest}: writes numbered transactions to a dev database as
 * fast as it can and prints {@code ACK n} once transaction n is acknowledged, until it is killed.
 * Arguments: the dev storage base directory, the database URI, the index threshold in datoms.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("vertomic.dev.dir", args[0]);
    System.setProperty("vertomic.indexThresholdDatoms", args[2]);
    String uri = args[1];
    Peer.createDatabase(uri);
    Connection c = Peer.connect(uri);
    c.transact(
            "[{:db/ident :crash/n :db/valueType :db.type/long :db/cardinality :db.cardinality/one"
                + " :db/unique :db.unique/identity}"
                + " {:db/ident :crash/pad :db/valueType :db.type/string :db/cardinality"
                + " :db.cardinality/one}]")
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    System.out.println("READY");
    for (long n = 0; ; n++) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < 20; i++) {
        b.append("{:crash/n ").append(n * 20 + i).append(" :crash/pad \"padding ").append(n);
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
}
