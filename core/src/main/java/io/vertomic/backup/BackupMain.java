package io.vertomic.backup;

import io.vertomic.anomaly.Anomalies;
import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Storage;
import io.vertomic.storage.StorageSettings;
import io.vertomic.wire.BackupPoint;
import io.vertomic.wire.DbRoot;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The backup commands, run by {@code scripts/backup}, {@code scripts/restore}, {@code
 * scripts/list-backups}, {@code scripts/verify-backup} and {@code scripts/vertomic}:
 *
 * <ul>
 *   <li>{@code backup DB-URI LOCATION}: copies the database's segments, log and root into the
 *       location, incrementally, and records one more point in time there (its basis t and the
 *       time);
 *   <li>{@code restore LOCATION DB-URI [--t T]}: restores the point in time at {@code T} (default:
 *       the latest) into a database;
 *   <li>{@code list-backups LOCATION}: prints the points in time kept, oldest first, one per line:
 *       {@code T TIME}, and {@code log-only} for a point an excision took the index of;
 *   <li>{@code verify-backup LOCATION [--t T]}: reads back every segment and log entry the points
 *       (or the one at {@code T}) need.
 * </ul>
 *
 * A LOCATION is a directory (a dev file store) or a storage's database URI; a source naming {@code
 * *} means the one database it holds, a target naming {@code *} the source's name. {@code env:NAME}
 * in place of a LOCATION or DB-URI is the value of the environment variable {@code NAME}: the
 * scripts pass URIs that way, since a URI may hold a password and {@code ps} shows a command line
 * to every user of the machine. A source of {@code restore} that keeps no point in time (a live
 * database) is restored as it is now. Format and policies: {@code docs/backups.md}.
 */
public final class BackupMain {
  private static final String USAGE =
      "usage: backup DB-URI LOCATION | restore LOCATION DB-URI [--t T] | list-backups LOCATION"
          + " | verify-backup LOCATION [--t T]";

  private BackupMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs {@code args} as {@link #main} does, printing results on {@code out} and progress and
   * failures on {@code err}; answers the exit status: 0 done, 1 failed (an anomaly, whose category
   * and message are printed on one line), 2 bad usage. Every storage it opened is closed when it
   * returns.
   *
   * <pre>{@code
   * BackupMain.run(new String[] {"backup", "vertomic:sql://people?postgresql://...", "/tmp/bk"},
   *     System.out, System.err); // => 0
   * BackupMain.run(new String[] {"list-backups", "/tmp/bk"}, System.out, System.err);
   * // prints "1005 2026-12-05T20:11:03.120Z", one line per point in time
   * }</pre>
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, StorageSettings.fromProcess());
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream)}, opening storages with {@code settings}.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, StorageSettings settings) {
    Args a = Args.parse(args, System.getenv());
    if (a == null) {
      err.println(USAGE);
      return 2;
    }
    Opener opener = new Opener(Vertx.vertx(), settings);
    List<Storage> opened = new ArrayList<>();
    int status = 0;
    try {
      switch (a.command()) {
        case "backup" -> backup(opener, a, opened, out, err);
        case "restore" -> restore(opener, a, opened, out, err);
        case "list-backups" -> list(opener, a, opened, out);
        default -> verify(opener, a, opened, out);
      }
    } catch (RuntimeException e) {
      Anomaly x = Anomalies.from(e);
      err.println(a.command() + " failed (" + x.category().wireName() + "): " + x.getMessage());
      status = 1;
    } finally {
      for (Storage s : opened) {
        try {
          Reachable.await(s.close(), "close");
        } catch (Anomaly x) {
          // closing after a failure: the failure is what the user needs to see
        }
      }
      Reachable.await(opener.vertx().close(), "close");
    }
    return status;
  }

  private static void backup(
      Opener opener, Args a, List<Storage> opened, PrintStream out, PrintStream err) {
    long takenAt = System.currentTimeMillis();
    Location from = Location.existing(opener, a.first(), a.command(), opened);
    Copy.Source source = Copy.Source.current(from.storage(), from.name());
    DbRoot root = DbRoot.decode(source.root(), "root of " + from.name());
    Location to = Location.target(opener, a.second(), from.name(), opened);
    BackupHistory history = new BackupHistory(to.storage(), to.name(), root.id());
    Copy.Summary s = Copy.run(source, to.storage(), to.name(), history, err);
    history.add(new BackupPoint(source.lastT(), takenAt, root));
    out.println("backup " + s + "; point in time t=" + source.lastT() + " kept");
  }

  // without --t, the source as it is now: a backup location's latest point (or, for a storage
  // database that was also written to, what it holds now)
  private static void restore(
      Opener opener, Args a, List<Storage> opened, PrintStream out, PrintStream err) {
    Location from = Location.existing(opener, a.first(), a.command(), opened);
    Copy.Source source;
    if (a.t() == null) {
      source = Copy.Source.current(from.storage(), from.name());
    } else {
      BackupPoint p = history(from).at(a.t(), a.first());
      source = Copy.Source.at(from.storage(), from.name(), p.root().encode(), p.t());
    }
    Location to = Location.target(opener, a.second(), from.name(), opened);
    out.println("restore " + Copy.run(source, to.storage(), to.name(), Copy.Kept.NOTHING, err));
  }

  private static void list(Opener opener, Args a, List<Storage> opened, PrintStream out) {
    Location at = Location.existing(opener, a.first(), a.command(), opened);
    BackupHistory history = history(at);
    history.at(null, a.first());
    for (BackupPoint p : history.points()) {
      out.println(line(p));
    }
  }

  private static void verify(Opener opener, Args a, List<Storage> opened, PrintStream out) {
    Location at = Location.existing(opener, a.first(), a.command(), opened);
    BackupHistory history = history(at);
    BackupPoint chosen = history.at(a.t(), a.first()); // fails when there is none
    List<BackupPoint> points = a.t() == null ? history.points() : List.of(chosen);
    out.println(
        "verify-backup "
            + at.name()
            + ": "
            + VerifyBackup.run(at.storage(), at.databaseId(), points));
  }

  private static BackupHistory history(Location at) {
    return new BackupHistory(at.storage(), at.name(), at.databaseId());
  }

  // T TIME, and log-only for a point an excision took the index of
  private static String line(BackupPoint p) {
    return p.t() + " " + Instant.ofEpochMilli(p.takenAtMillis()) + (p.logOnly() ? " log-only" : "");
  }

  /** The command line: a command, its one or two places, and {@code --t T} where it takes one. */
  private record Args(String command, String first, String second, Long t) {
    static Args parse(String[] args, Map<String, String> env) {
      List<String> places = new ArrayList<>();
      Long t = null;
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--t") && i + 1 < args.length && t == null) {
          try {
            t = Long.parseLong(args[++i]);
          } catch (NumberFormatException e) {
            return null;
          }
        } else if (args[i].startsWith("--")) {
          return null;
        } else if (args[i].startsWith("env:")) {
          String value = env.get(args[i].substring("env:".length()));
          if (value == null || value.isBlank()) {
            return null;
          }
          places.add(value);
        } else {
          places.add(args[i]);
        }
      }
      if (args.length == 0) {
        return null;
      }
      String command = args[0];
      int want =
          switch (command) {
            case "backup", "restore" -> 2;
            case "list-backups", "verify-backup" -> 1;
            default -> -1;
          };
      boolean takesT = command.equals("restore") || command.equals("verify-backup");
      if (places.size() != want || (t != null && !takesT)) {
        return null;
      }
      return new Args(command, places.get(0), want == 2 ? places.get(1) : null, t);
    }
  }
}
