package io.vertomic.cli;

import io.vertomic.backup.BackupMain;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code backup}, {@code restore}, {@code list-backups} and {@code verify-backup}: the backup tool
 * of core ({@link BackupMain}), given the subcommand's name and arguments unchanged, so every
 * option it knows works here too. Backups move segments between storages directly, so a peer server
 * URL is refused.
 */
final class BackupCommand implements Command {
  static final Usage BACKUP =
      usage(
          "backup",
          "DB-URI DIR|DB-URI",
          "Backs the database up into a directory or another storage, incrementally, verified.");
  static final Usage RESTORE =
      usage(
          "restore",
          "DIR|DB-URI DB-URI",
          "Restores a backup (a directory or a storage) into the database DB-URI names.");
  static final Usage LIST_BACKUPS =
      usage("list-backups", "LOCATION", "Lists the points in time a backup location holds.");
  static final Usage VERIFY_BACKUP =
      usage(
          "verify-backup",
          "LOCATION",
          "Reads every segment of a backup, checking checksums and reachability.");

  private final Usage usage;

  BackupCommand(Usage usage) {
    this.usage = usage;
  }

  private static Usage usage(String name, String arguments, String summary) {
    return new Usage(
        name,
        arguments,
        summary,
        """
        Run by core's backup tool with these arguments unchanged (its options, e.g. --t T
        for a point in time, too). A storage URI naming * means its only database (a
        source) or the source's name (a target). Storage URIs and directories only: a peer
        server cannot be backed up through its HTTP API.""",
        1,
        -1,
        false,
        List.of());
  }

  @Override
  public Usage usage() {
    return usage;
  }

  @Override
  public boolean passesArgumentsThrough() {
    return true;
  }

  @Override
  public int run(Invocation in) {
    List<String> args = new ArrayList<>();
    args.add(usage.name());
    args.addAll(in.args().from(0));
    for (String a : args) {
      if (a.startsWith("http://") || a.startsWith("https://")) {
        throw new UsageException(
            usage.name()
                + " works only on storage URIs and directories, not a peer server URL: "
                + a);
      }
    }
    return BackupMain.run(args.toArray(String[]::new), in.out(), in.err());
  }
}
