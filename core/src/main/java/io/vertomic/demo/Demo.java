package io.vertomic.demo;

import io.vertomic.datom.Datom;
import io.vertomic.edn.Edn;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./scripts/dev} runs until the peer server exists: a mem database with a schema and
 * some data, then a few reads (entity, pull, index, time travel), each printed as EDN. It uses only
 * the public peer API, as an application would.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    String uri = "vertomic:mem://demo";
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    transact(
        conn,
        """
        [{:db/ident :person/name :db/valueType :db.type/string
          :db/cardinality :db.cardinality/one :db/index true}
         {:db/ident :person/email :db/valueType :db.type/string
          :db/cardinality :db.cardinality/one :db/unique :db.unique/identity}
         {:db/ident :person/follows :db/valueType :db.type/ref
          :db/cardinality :db.cardinality/many}]""");
    TxReport people =
        transact(
            conn,
            """
        [{:db/id "ivan" :person/name "Ivan" :person/email "ivan@example.com"}
         {:db/id "oleg" :person/name "Oleg" :person/email "oleg@example.com"
          :person/follows "ivan"}]""");
    print("tempids", people.tempids());
    transact(conn, "[{:person/email \"ivan@example.com\" :person/name \"Ivan Petrov\"}]");

    Database db = conn.db();
    print("basis-t", db.basisT());
    print(
        "pull oleg",
        db.pull(
            "[:person/name {:person/follows [:person/name]}]",
            List.of(":person/email", "oleg@example.com")));
    print(
        "ivan's followers",
        db.pull(
            "[:person/name {:person/_follows [:person/name]}]",
            List.of(":person/email", "ivan@example.com")));
    List<List<Object>> names = new ArrayList<>();
    for (Datom d : db.datoms(":avet", ":person/name")) {
      names.add(List.of(d.e(), d.v()));
    }
    print("AVET :person/name", names);
    print(
        "ivan as of the first data transaction",
        db.asOf(people.dbAfter().basisT()).pull("[:person/name]", people.tempids().get("ivan")));
    List<List<Object>> history = new ArrayList<>();
    for (Datom d : db.history().datoms(":eavt", people.tempids().get("ivan"), ":person/name")) {
      history.add(List.of(d.v(), d.t(), d.added()));
    }
    print("history of ivan's name [v t added]", history);
  }

  private static TxReport transact(Connection conn, String edn) throws Exception {
    return conn.transact(edn).toCompletionStage().toCompletableFuture().get();
  }

  private static void print(String label, Object value) {
    System.out.println(";; " + label);
    System.out.println(Edn.write(value));
  }
}
