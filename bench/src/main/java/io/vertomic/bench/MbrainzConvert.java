package io.vertomic.bench;

import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the {@code subsets} of Datomic's mbrainz-importer (github.com/Datomic/mbrainz-importer,
 * Apache License 2.0) into the one file both engines load: {@code mbrainz.edn.gz}, one EDN vector
 * of tx data per line (the schema first), {@code ;} lines are comments.
 *
 * <p>What it changes: the importer's batch metadata ({@code :mbrainz.initial-import/batch-id}) is
 * dropped; nested identity maps ({@code #:artist{:gid #uuid ...}}) become lookup refs, inside a
 * collection under cardinality-many attributes, or tempids for entities created in the same
 * transaction (an entity referenced before its own batch is created from its identity alone, as the
 * importer's nested map does); the {@code *-artists} batches become {@code :db/add} statements.
 * Releases come from {@code old-batches/releases.edn} (the newer {@code batches/releases.edn} and
 * {@code media.edn} are Git LFS-sized files this converter was not given), with {@code
 * :release/abstractRelease} added from {@code entities/releases.edn}'s {@code :release_group}.
 * Media and tracks are therefore not included.
 *
 * <p>Usage: {@code java -cp ... io.vertomic.bench.MbrainzConvert IMPORTER_DIR OUT.edn.gz}.
 */
public final class MbrainzConvert {
  private static final Keyword DB_ADD = Keyword.of("db", "add");
  private static final String[] BATCHES = {
    "batches/schema.edn",
    "batches/enums.edn",
    "batches/super-enums.edn",
    "batches/artists.edn",
    "batches/areleases.edn",
    "batches/areleases-artists.edn",
    "batches/labels.edn",
    "old-batches/releases.edn",
    "batches/releases-artists.edn"
  };

  private final Set<Keyword> many = new HashSet<>();
  private final Map<UUID, UUID> releaseGroup = new HashMap<>();
  private final Set<UUID> abstractReleases = new HashSet<>();

  /** The identities ({@code [:artist/gid #uuid ...]}) of the entities transacted so far. */
  private final Set<List<Object>> known = new HashSet<>();

  /** The identities of the entities created in the transaction being converted. */
  private final Set<List<Object>> pending = new HashSet<>();

  private final Set<List<Object>> stubs = new HashSet<>();

  private MbrainzConvert() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: MbrainzConvert IMPORTER_DIR OUT.edn.gz");
    }
    Path subsets = Path.of(args[0], "subsets");
    MbrainzConvert c = new MbrainzConvert();
    c.readReleaseGroups(subsets.resolve("entities/releases.edn"));
    int lines = 0;
    try (Writer out =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(Path.of(args[1]))),
            StandardCharsets.UTF_8)) {
      out.write(
          ";; mbrainz subset from github.com/Datomic/mbrainz-importer (Apache License 2.0,"
              + " see MBRAINZ-NOTICE.txt),\n;; converted by io.vertomic.bench.MbrainzConvert:"
              + " one transaction per line, schema first.\n");
      for (String batch : BATCHES) {
        try (BufferedReader in = Files.newBufferedReader(subsets.resolve(batch))) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
              continue;
            }
            Map<?, ?> b = (Map<?, ?>) Edn.read(line);
            List<Object> tx = c.convert(batch, (List<?>) b.get(Keyword.of("data")));
            out.write(Edn.write(tx));
            out.write('\n');
            lines++;
          }
        }
      }
    }
    System.out.println(
        "wrote "
            + lines
            + " transactions to "
            + args[1]
            + "; "
            + c.stubs.size()
            + " entities referenced before their batch were created with their identity only");
  }

  private void readReleaseGroups(Path entities) throws IOException {
    for (Object o : Edn.readAll(Files.readString(entities))) {
      Map<?, ?> m = (Map<?, ?>) o;
      Object group = m.get(Keyword.of("release_group"));
      if (group instanceof UUID g) {
        releaseGroup.put((UUID) m.get(Keyword.of("gid")), g);
      }
    }
  }

  private List<Object> convert(String batch, List<?> data) {
    List<Object> tx = new ArrayList<>();
    for (Object o : data) {
      Map<?, ?> m = (Map<?, ?>) o;
      if (batch.endsWith("schema.edn")) {
        if (Keyword.of("db.cardinality", "many").equals(m.get(Keyword.of("db", "cardinality")))) {
          many.add((Keyword) m.get(Keyword.of("db", "ident")));
        }
        tx.add(m);
      } else if (batch.endsWith("-artists.edn")) {
        addStatements(m, tx);
      } else {
        tx.add(entity(m, tx));
      }
    }
    known.addAll(pending);
    pending.clear();
    return tx;
  }

  /** {@code {:release/gid G :release/artists {:artist/gid A}}} as {@code [:db/add ...]}. */
  private void addStatements(Map<?, ?> m, List<Object> tx) {
    Keyword identity = null;
    for (Object k : m.keySet()) {
      if (((Keyword) k).name().equals("gid")) {
        identity = (Keyword) k;
      }
    }
    Object e = ref(Map.of(identity, m.get(identity)), tx);
    for (Map.Entry<?, ?> en : m.entrySet()) {
      if (!en.getKey().equals(identity)) {
        tx.add(List.of(DB_ADD, e, en.getKey(), ref((Map<?, ?>) en.getValue(), tx)));
      }
    }
  }

  private Map<Object, Object> entity(Map<?, ?> m, List<Object> tx) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> en : m.entrySet()) {
      Object v = en.getValue();
      if (en.getKey() instanceof Keyword k && k.name().equals("gid")) {
        pending.add(List.of(k, v));
        out.put(Keyword.of("db", "id"), "new-" + v);
      }
      if (v instanceof Map<?, ?> nested) {
        v = ref(nested, tx);
        if (many.contains((Keyword) en.getKey())) {
          v = List.of(v);
        }
      }
      out.put(en.getKey(), v);
    }
    Object gid = m.get(Keyword.of("abstractRelease", "gid"));
    if (gid instanceof UUID g) {
      abstractReleases.add(g);
    }
    UUID group = releaseGroup.get(m.get(Keyword.of("release", "gid")));
    if (group != null && abstractReleases.contains(group)) {
      out.put(
          Keyword.of("release", "abstractRelease"),
          List.of(Keyword.of("abstractRelease", "gid"), group));
    }
    return out;
  }

  /**
   * A reference to the entity of a nested identity map: a lookup ref when that entity exists; else
   * (the importer's nested map would create it) a tempid, with the entity created in {@code tx}
   * from its identity alone, as the importer's upsert does.
   */
  private Object ref(Map<?, ?> identity, List<Object> tx) {
    Map.Entry<?, ?> only = identity.entrySet().iterator().next();
    List<Object> lookup = List.of(only.getKey(), only.getValue());
    if (known.contains(lookup)) {
      return lookup;
    }
    String tempid = "new-" + only.getValue();
    if (pending.add(lookup)) {
      stubs.add(lookup);
      tx.add(Map.of(Keyword.of("db", "id"), tempid, only.getKey(), only.getValue()));
    }
    return tempid;
  }
}
