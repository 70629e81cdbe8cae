package io.vertomic.backup;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.storage.Root;
import io.vertomic.storage.Storage;
import io.vertomic.wire.BackupPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The points in time a backup location keeps of one database ({@link BackupPoint}, one root per t
 * beside the database's shared segments and log). As a {@link Copy.Kept} it keeps the segments of
 * every point through the next backup, and it is how excision reaches old points: when a backup is
 * about to rewrite log entries an excision rewrote, from t=firstT on, every point whose index
 * reaches that t (index basis t at least firstT) first loses it (becomes log-only), because the
 * segments of an index built before the excision may hold the excised datoms. Such a point keeps
 * its t: restoring it replays the location's log, excised like the source's, up to that t. Not
 * thread-safe; one backup writes a location at a time (a second one fails {@code conflict} on the
 * roots' compare-and-swap).
 */
final class BackupHistory implements Copy.Kept {
  private final Storage location;
  private final String name;
  private final String dbId;

  /**
   * The points of database {@code name} of {@code location} whose id is {@code dbId}: points left
   * by a database of the same name deleted since (whose id differs) are not this database's
   * history.
   */
  BackupHistory(Storage location, String name, String dbId) {
    this.location = location;
    this.name = name;
    this.dbId = dbId;
  }

  /** Every point kept, oldest first. */
  List<BackupPoint> points() {
    return roots().stream().map(BackupHistory::decode).toList();
  }

  /**
   * The point at {@code t}, or the latest when {@code t} is null. Fails {@code not-found} naming
   * the t's kept when there is no such point, or saying {@code where} is not a backup when it keeps
   * none.
   */
  BackupPoint at(Long t, String where) {
    List<BackupPoint> points = points();
    if (points.isEmpty()) {
      throw notABackup(where, "it keeps no point in time of " + name);
    }
    if (t == null) {
      return points.get(points.size() - 1);
    }
    for (BackupPoint p : points) {
      if (p.t() == t) {
        return p;
      }
    }
    throw Anomaly.notFound(
        "backup/no-such-t",
        where
            + " has no point in time t="
            + t
            + "; it has t="
            + points.stream().map(p -> Long.toString(p.t())).collect(Collectors.joining(", ")));
  }

  /**
   * Records {@code point}, replacing the point at the same t (taken before any new transaction).
   */
  void add(BackupPoint point) {
    String rootName = BackupPoint.rootName(name, point.t());
    Root had = Reachable.await(location.root(rootName), "read " + rootName);
    Reachable.await(
        location.cas(rootName, had == null ? 0 : had.revision(), point.encode()),
        "write " + rootName);
  }

  @Override
  public List<String> indexRoots() {
    List<String> keys = new ArrayList<>();
    for (BackupPoint p : points()) {
      keys.addAll(p.indexRoots());
    }
    return keys;
  }

  @Override
  public void excisionSeen(long firstT) {
    for (Root r : roots()) {
      BackupPoint p = decode(r);
      // an index holds the datoms up to its index basis t, so one older than firstT holds none
      if (!p.logOnly() && p.root().indexBasisT() >= firstT) {
        Reachable.await(
            location.cas(r.name(), r.revision(), p.withoutIndex().encode()),
            "drop the index of " + r.name());
      }
    }
  }

  /** The anomaly of a location that is not a backup: {@code where}, then {@code why}. */
  static Anomaly notABackup(String where, String why) {
    return Anomaly.notFound("backup/not-a-backup", where + " is not a backup location: " + why);
  }

  // the roots of this database's points, oldest first
  private List<Root> roots() {
    List<Root> roots = new ArrayList<>();
    for (String n :
        Reachable.await(location.roots(BackupPoint.prefix(name)), "list backup points")) {
      Root r = Reachable.await(location.root(n), "read " + n);
      if (r != null && decode(r).root().id().equals(dbId)) {
        roots.add(r);
      }
    }
    return roots;
  }

  private static BackupPoint decode(Root r) {
    return BackupPoint.decode(r.value(), "backup point " + r.name());
  }
}
