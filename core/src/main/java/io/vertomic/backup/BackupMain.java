package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.storage.dev.DevStorage;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code backup DB-URI TARGET} and {@code restore SOURCE DB-URI}, run by {@code scripts/backup} and
 * {@code scripts/restore}. TARGET and SOURCE are a directory (a dev file store holding the backup)
 * or another storage's database URI; a source directory or a source URI naming {@code *} means the
 * one database it holds, a target URI naming {@code *} the source's name. Prints a progress bar and
 * a summary; exits 1 with the anomaly's message when something is wrong.
 */
public final class BackupMain {
  private BackupMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs {@code args} as {@link #main} does, printing the summary on {@code out} and progress and
   * failures on {@code err}; answers the exit status: 0 done, 1 failed (an anomaly, whose category
   * and message are printed), 2 bad usage. Every storage it opened is closed when it returns.
   *
   * <pre>{@code
   * BackupMain.run(new String[] {"backup", "vertomic:sql://people?postgresql://...", "/tmp/bk"},
   *     System.out, System.err); // => 0
   * }</pre>
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 3 || !List.of("backup", "restore").contains(args[0])) {
      err.println("usage: backup DB-URI DIR|DB-URI  |  restore DIR|DB-URI DB-URI");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    List<Storage> opened = new ArrayList<>();
    int status = 0;
    try {
      End from = end(vertx, args[1], null, opened);
      if (from.name == null) {
        from = new End(from.storage, onlyDatabase(from.storage, args[1], args[0]));
      }
      End to = end(vertx, args[2], from.name, opened);
      Copy.Summary s = Copy.run(from.storage, from.name, to.storage, to.name, err);
      out.println(args[0] + " " + s);
    } catch (Anomaly a) {
      err.println(
          args[0] + " failed (" + a.category().name().toLowerCase() + "): " + a.getMessage());
      status = 1;
    } finally {
      for (Storage s : opened) {
        try {
          Reachable.await(s.close(), "close");
        } catch (Anomaly a) {
          // closing after a failure: the failure is what the user needs to see
        }
      }
      Reachable.await(vertx.close(), "close");
    }
    return status;
  }

  private record End(Storage storage, String name) {}

  // a storage URI names its database; a directory holds the one database backed up into it, and
  // so does a storage URI naming * (a source's only database, the source's name in a target)
  private static End end(Vertx vertx, String where, String defaultName, List<Storage> opened) {
    if (where.startsWith("vertomic:")) {
      StorageUri u = StorageUri.parse(where);
      Storage s =
          Reachable.await(StorageUri.provider(u.kind(), where).open(vertx, u), "open " + where);
      opened.add(s);
      return new End(s, u.isWildcard() ? defaultName : u.database());
    }
    DevStorage s = DevStorage.open(Path.of(where));
    opened.add(s);
    return new End(s, defaultName);
  }

  private static String onlyDatabase(Storage s, String where, String verb) {
    List<String> roots = Reachable.await(s.roots("db/"), "list databases of " + where);
    if (roots.size() != 1) {
      throw Anomaly.incorrect(
          "backup/which-database",
          where
              + " holds "
              + roots.size()
              + " databases, "
              + verb
              + " needs exactly one: "
              + roots);
    }
    return roots.get(0).substring(3);
  }
}
