package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageUri;
import io.vertomic.storage.dev.DevStorage;
import io.vertomic.wire.DbRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One end of a backup command, opened: database {@code name} of {@code storage}, as the user wrote
 * it ({@code where}). A storage URI names its database (or {@code *}); a directory is a dev file
 * store holding the one database backed up into it. Every storage opened is added to the list the
 * caller closes.
 */
record Location(Storage storage, String name, String where) {

  /**
   * A place that is read (a backup location, or a database to back up): it must exist, and a
   * directory or a URI naming {@code *} must hold exactly one database. Fails {@code not-found}
   * ({@code backup/not-a-backup}) for a directory that is not a store or a store with no database,
   * without creating anything.
   */
  static Location existing(Opener opener, String where, String verb, List<Storage> opened) {
    Location l = open(opener, where, null, opened, false);
    return l.name != null
        ? l
        : new Location(l.storage, onlyDatabase(l.storage, where, verb), where);
  }

  /**
   * The id of the database this location holds under its name; fails {@code not-found} ({@code
   * backup/not-a-backup}) when it holds none.
   */
  String databaseId() {
    Root root = Reachable.await(storage.root("db/" + name), "read root of " + name);
    if (root == null) {
      throw BackupHistory.notABackup(where, "it holds no database " + name);
    }
    return DbRoot.decode(root.value(), "root of " + name).id();
  }

  /**
   * A place that is written (a backup location, or the database restored into): a directory is
   * created when missing; a URI naming {@code *}, or a directory, takes {@code defaultName}.
   */
  static Location target(Opener opener, String where, String defaultName, List<Storage> opened) {
    return open(opener, where, defaultName, opened, true);
  }

  private static Location open(
      Opener opener, String where, String defaultName, List<Storage> opened, boolean create) {
    if (where.startsWith("vertomic:")) {
      StorageUri u = StorageUri.parse(where);
      Storage s =
          Reachable.await(
              StorageUri.provider(u.kind(), where).open(opener.vertx(), u, opener.settings()),
              "open " + where);
      opened.add(s);
      return new Location(s, u.isWildcard() ? defaultName : u.database(), where);
    }
    Path dir = Path.of(where);
    if (!create && !Files.isDirectory(dir)) {
      throw BackupHistory.notABackup(where, "no such directory");
    }
    if (!create && !Files.exists(dir.resolve("data.mdb"))) {
      throw BackupHistory.notABackup(where, "the directory holds no Vertomic store");
    }
    DevStorage s = DevStorage.open(dir);
    opened.add(s);
    return new Location(s, defaultName, where);
  }

  private static String onlyDatabase(Storage s, String where, String verb) {
    List<String> roots = Reachable.await(s.roots("db/"), "list databases of " + where);
    if (roots.isEmpty()) {
      throw BackupHistory.notABackup(where, "it holds no database");
    }
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
