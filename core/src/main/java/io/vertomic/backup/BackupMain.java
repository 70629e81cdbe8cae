package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.storage.dev.DevStorage;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code backup DB-URI TARGET} and {@code restore SOURCE DB-URI}, run by {@code scripts/backup} and
 * {@code scripts/restore}. TARGET and SOURCE are a directory (a dev file store holding the backup)
 * or another storage's database URI. Prints a progress bar and a summary; exits 1 with the
 * anomaly's message when something is wrong.
 */
public final class BackupMain {
  private BackupMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !List.of("backup", "restore").contains(args[0])) {
      System.err.println("usage: backup DB-URI DIR|DB-URI  |  restore DIR|DB-URI DB-URI");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    int status = 0;
    try {
      End from = end(vertx, args[1], args[0].equals("restore") ? null : "");
      End to = end(vertx, args[2], from.name);
      if (from.name == null) {
        from = new End(from.storage, onlyDatabase(from.storage, args[1]));
      }
      Copy.Summary s = Copy.run(from.storage, from.name, to.storage, to.name, System.err);
      System.out.println(args[0] + " " + s);
      Reachable.await(from.storage.close(), "close");
      Reachable.await(to.storage.close(), "close");
    } catch (Anomaly a) {
      System.err.println(
          args[0] + " failed (" + a.category().name().toLowerCase() + "): " + a.getMessage());
      status = 1;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
    System.exit(status);
  }

  private record End(Storage storage, String name) {}

  // a storage URI names its database; a directory holds the one database backed up into it
  private static End end(Vertx vertx, String where, String defaultName) {
    if (where.startsWith("vertomic:")) {
      StorageUri u = StorageUri.parse(where);
      Storage s =
          Reachable.await(StorageUri.provider(u.kind(), where).open(vertx, u), "open " + where);
      return new End(s, u.database());
    }
    return new End(DevStorage.open(Path.of(where)), defaultName);
  }

  private static String onlyDatabase(Storage s, String where) {
    List<String> roots = Reachable.await(s.roots("db/"), "list databases of " + where);
    if (roots.size() != 1) {
      throw Anomaly.incorrect(
          "backup/which-database",
          where + " holds " + roots.size() + " databases, restore needs exactly one: " + roots);
    }
    return roots.get(0).substring(3);
  }
}
