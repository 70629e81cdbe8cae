package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million-row CSV imported by {@code ./scripts/vertomic import} into a dev storage with its
 * progress bar, every row committed (docs/cli.md has the rate measured; TransactRate the direct
 * load it is compared with).
 */
@Tag("slow")
class MillionRowImportTest {
  @TempDir Path dir;

  @Test
  void aMillionRowCsvIsImportedInBatchesWithAProgressBar() throws IOException {
    Vertomic vertomic = new Vertomic(dir);
    String uri = "vertomic:dev://localhost:4334/rows";
    assertEquals(0, vertomic.run("db", "create", uri).exit());
    assertEquals(
        0, vertomic.runWithInput(MillionRows.SCHEMA, Map.of(), "transact", uri, "-").exit());
    Path csv = MillionRows.write(dir.resolve("rows.csv"));

    Vertomic.Run r =
        vertomic.run("import", uri, csv.toString(), "--map", "id=:row/id,name=:row/name");

    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("imported 1000000 rows in 1000 transactions ("), r.out());
    assertTrue(r.err().contains("[##############################] 100%  1000000/1000000 rows"));
    Vertomic.Run q =
        vertomic.run("q", uri, "[:find [(count ?e) (max ?i)] :where [?e :row/id ?i]]", "--edn");
    assertEquals("[1000000 999999]\n", q.out(), q.toString());
  }
}
