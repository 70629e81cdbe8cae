package io.vertomic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vertomic import} of CSV and EDN files as a peer on a dev storage, in a child process:
 * coercion by value type, batches, the progress bar, a malformed row, and resuming.
 */
@Tag("slow") // child JVMs
class ImportTest {
  @TempDir static Path dir;
  static Vertomic vertomic;
  static final String STORAGE = "vertomic:dev://localhost:4334/";

  static final String SCHEMA =
      """
      [{:db/ident :person/email :db/valueType :db.type/string
        :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}
       {:db/ident :person/age :db/valueType :db.type/long :db/cardinality :db.cardinality/one}
       {:db/ident :person/score :db/valueType :db.type/double :db/cardinality :db.cardinality/one}
       {:db/ident :person/active :db/valueType :db.type/boolean :db/cardinality :db.cardinality/one}
       {:db/ident :person/born :db/valueType :db.type/instant :db/cardinality :db.cardinality/one}
       {:db/ident :person/status :db/valueType :db.type/keyword :db/cardinality :db.cardinality/one}
       {:db/ident :person/id :db/valueType :db.type/uuid :db/cardinality :db.cardinality/one}
       {:db/ident :person/friend :db/valueType :db.type/ref :db/cardinality :db.cardinality/one}]""";

  @BeforeAll
  static void tool() {
    vertomic = new Vertomic(dir);
  }

  private static String peopleDatabase(String name) {
    String uri = STORAGE + name;
    Vertomic.Run created = vertomic.run("db", "create", uri);
    assertEquals(0, created.exit(), created.toString());
    Vertomic.Run schema = vertomic.runWithInput(SCHEMA, Map.of(), "transact", uri, "-");
    assertEquals(0, schema.exit(), schema.toString());
    return uri;
  }

  private static String count(String uri) {
    Vertomic.Run r =
        vertomic.run("q", uri, "[:find (count ?e) . :where [?e :person/email]]", "--edn");
    assertEquals(0, r.exit(), r.toString());
    return r.out().strip();
  }

  @Test
  void csvCellsAreCoercedToTheAttributesValueTypes() throws IOException {
    String uri = peopleDatabase("types");
    Path csv =
        Files.writeString(
            dir.resolve("types.csv"),
            """
            email,age,score,active,born,status,id,friend
            a@x,40,1.5,true,2026-01-31,:status/new,6f1c8a8e-0c53-4b39-8a43-2f1e2b3a4c5d,
            b@x,41,2,FALSE,2026-01-31T12:30:00Z,status/old,,"[:person/email ""a@x""]"
            """);
    Vertomic.Run r =
        vertomic.run(
            "import",
            uri,
            csv.toString(),
            "--batch",
            "1",
            "--map",
            "email=:person/email,age=:person/age,score=:person/score,active=:person/active,"
                + "born=:person/born,status=:person/status,id=:person/id,friend=:person/friend");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("imported 2 rows in 2 transactions ("), r.out());
    assertTrue(r.err().contains("100%  2/2 rows"), r.err());
    Vertomic.Run a = vertomic.run("pull", uri, "[*]", "[:person/email \"a@x\"]");
    assertTrue(
        a.out()
            .endsWith(
                ":person/active true, :person/age 40, :person/born #inst \"2026-01-31T00:00:00.000-00:00\","
                    + " :person/email \"a@x\", :person/id #uuid \"6f1c8a8e-0c53-4b39-8a43-2f1e2b3a4c5d\","
                    + " :person/score 1.5, :person/status :status/new}\n"),
        a.toString());
    Vertomic.Run b =
        vertomic.run(
            "pull",
            uri,
            "[:person/active :person/born :person/score :person/status {:person/friend [:person/email]}]",
            "[:person/email \"b@x\"]");
    assertEquals(
        "{:person/active false, :person/born #inst \"2026-01-31T12:30:00.000-00:00\","
            + " :person/friend {:person/email \"a@x\"}, :person/score 2.0, :person/status :status/old}\n",
        b.out(),
        b.toString());
  }

  @Test
  void aMalformedRowIsNamedByLineAndColumnAfterTheRowsBeforeItAreCommittedAndAReRunResumes()
      throws IOException {
    String uri = peopleDatabase("malformed");
    Path csv = dir.resolve("people.csv");
    String rows =
        """
        :person/email,:person/age
        a@x,1
        b@x,2
        c@x,3
        d@x,old
        e@x,5
        """;
    Files.writeString(csv, rows);
    Vertomic.Run r = vertomic.run("import", uri, csv.toString(), "--batch", "2");
    assertEquals(1, r.exit(), r.toString());
    assertEquals(
        List.of(
            "vertomic import failed (incorrect): "
                + csv
                + " line 5, column 2: (:person/age as :person/age) expected a long, not \"old\";"
                + " the lines before it are committed and a re-run continues from it ("
                + csv
                + ".position)"),
        r.errLines());
    assertEquals("3", count(uri));
    assertTrue(Files.readString(Path.of(csv + ".position")).contains("\nline=4\n"));

    Files.writeString(csv, rows.replace("d@x,old", "d@x,4"));
    Vertomic.Run resumed = vertomic.run("import", uri, csv.toString(), "--batch", "2");
    assertEquals(0, resumed.exit(), resumed.toString());
    assertTrue(resumed.out().startsWith("imported 2 rows in 1 transactions ("), resumed.out());
    assertTrue(resumed.out().contains("resumed after line 4"), resumed.out());
    assertEquals("5", count(uri));
    assertEquals(
        "[[\"a@x\" 1] [\"b@x\" 2] [\"c@x\" 3] [\"d@x\" 4] [\"e@x\" 5]]",
        vertomic
            .run(
                "q", uri, "[:find ?e ?a :where [?p :person/email ?e] [?p :person/age ?a]]", "--edn")
            .out()
            .strip()
            .replace("#{", "[")
            .replace("}", "]"));
  }

  @Test
  void aColumnMappedToAnUnknownAttributeFailsBeforeImportingAnything() throws IOException {
    String uri = peopleDatabase("unknown");
    Path csv = Files.writeString(dir.resolve("unknown.csv"), "email,age\na@x,1\n");
    Vertomic.Run r =
        vertomic.run(
            "import", uri, csv.toString(), "--map", "email=:person/email,age=:person/agee");
    assertEquals(1, r.exit(), r.toString());
    assertEquals(
        List.of(
            "vertomic import failed (incorrect): Column 2 (age) maps to :person/agee, which is not"
                + " an attribute of the database"),
        r.errLines());
    assertEquals("nil", count(uri));
  }

  @Test
  void anEdnFileIsImportedOneTransactionPerFormAndARerunImportsNothingAgain() throws IOException {
    String uri = peopleDatabase("edn");
    Path edn =
        Files.writeString(
            dir.resolve("people.edn"),
            """
            [{:person/email "a@x" :person/age 1}]
            [{:person/email "b@x" :person/age 2}]
            [[:db/add "c" :person/email "c@x"]]
            """);
    Vertomic.Run r = vertomic.run("import", uri, edn.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("imported 3 transactions ("), r.out());
    assertTrue(r.err().contains("100%  3/3 transactions"), r.err());
    assertEquals("3", count(uri));
    Vertomic.Run again = vertomic.run("import", uri, edn.toString());
    assertTrue(again.out().startsWith("imported 0 transactions ("), again.toString());
    assertTrue(again.out().contains("resumed after form 3"), again.out());
  }
}
