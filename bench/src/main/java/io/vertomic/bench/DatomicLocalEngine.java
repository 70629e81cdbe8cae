package io.vertomic.bench;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.PersistentHashMap;
import clojure.lang.PersistentVector;
import io.vertomic.bench.People.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Datomic on disk in this process: Datomic Local ({@code com.datomic:local}, its client API) with a
 * storage directory under {@code java.io.tmpdir}. It is the reference for the loads onto Vertomic's
 * durable storages: like them it answers a transaction only once it is on disk (it calls {@code
 * fdatasync} twice per transaction, counted with strace), where the in-memory peer writes nothing.
 * Datomic Pro's own durable storages need its transactor, which is not on Maven Central.
 *
 * <p>It runs the load workloads only: the query methods belong to the in-memory reference.
 */
final class DatomicLocalEngine implements Engine {
  private static final IFn READ_EDN;
  private static final IFn CLIENT;
  private static final IFn CREATE_DATABASE;
  private static final IFn DELETE_DATABASE;
  private static final IFn CONNECT;
  private static final IFn TRANSACT;
  private static final IFn DB;
  private static final IFn DATOMS;

  static {
    IFn require = Clojure.var("clojure.core", "require");
    require.invoke(Clojure.read("datomic.client.api"));
    require.invoke(Clojure.read("clojure.edn"));
    READ_EDN = Clojure.var("clojure.edn", "read-string");
    CLIENT = Clojure.var("datomic.client.api", "client");
    CREATE_DATABASE = Clojure.var("datomic.client.api", "create-database");
    DELETE_DATABASE = Clojure.var("datomic.client.api", "delete-database");
    CONNECT = Clojure.var("datomic.client.api", "connect");
    TRANSACT = Clojure.var("datomic.client.api", "transact");
    DB = Clojure.var("datomic.client.api", "db");
    DATOMS = Clojure.var("datomic.client.api", "datoms");
  }

  private static final Object TX_DATA = Clojure.read(":tx-data");
  private static final Object TEMPIDS = Clojure.read(":tempids");
  private static final Object DB_NAME = Clojure.read(":db-name");
  private static final PersonTx TX = PersonTx.of(Clojure::read);

  private final Path dir;
  private Object client;

  DatomicLocalEngine() {
    this.dir =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "vertomic-bench-datomic-local-" + ProcessHandle.current().pid());
  }

  @Override
  public String name() {
    return "datomic-local";
  }

  @Override
  public Session fresh(String name) {
    Object client = client();
    Object nameArg = map(DB_NAME, name);
    CREATE_DATABASE.invoke(client, nameArg);
    Object conn = CONNECT.invoke(client, nameArg);
    // Datomic Local keeps AVET for every attribute, and has no :db/index to ask for it
    String schema = People.SCHEMA.replace(" :db/index true", "");
    TRANSACT.invoke(conn, map(TX_DATA, READ_EDN.invoke(schema)));
    return new LocalSession(client, name, conn);
  }

  /** Deletes the storage directory (every database this engine made). */
  void deleteStorage() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized Object client() {
    if (client == null) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      client =
          CLIENT.invoke(
              map(
                  Clojure.read(":server-type"), Clojure.read(":datomic-local"),
                  Clojure.read(":storage-dir"), dir.toString(),
                  Clojure.read(":system"), "bench"));
    }
    return client;
  }

  private static Object map(Object... keyvals) {
    return PersistentHashMap.create(keyvals);
  }

  /** The client API takes Clojure data: the Java maps and lists of {@link PersonTx}, converted. */
  private static Object clojureData(List<Object> txData) {
    List<Object> maps = new ArrayList<>(txData.size());
    for (Object m : txData) {
      List<Object> keyvals = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
        keyvals.add(e.getKey());
        keyvals.add(e.getValue() instanceof List<?> l ? PersistentVector.create(l) : e.getValue());
      }
      maps.add(PersistentHashMap.create(keyvals.toArray()));
    }
    return PersistentVector.create(maps);
  }

  private record LocalSession(Object client, String name, Object conn) implements Session {
    @Override
    public long[] transactPersons(List<Person> persons, IntFunction<Long> idOf) {
      return transact(persons, clojureData(TX.txData(persons, idOf)));
    }

    @Override
    public long[] transactPersonsEdn(List<Person> persons, IntFunction<Long> idOf) {
      return transact(persons, READ_EDN.invoke(PersonTx.ednText(persons, idOf)));
    }

    private long[] transact(List<Person> persons, Object txData) {
      Map<?, ?> result = (Map<?, ?>) TRANSACT.invoke(conn, map(TX_DATA, txData));
      Map<?, ?> tempids = (Map<?, ?>) result.get(TEMPIDS);
      long[] ids = new long[persons.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = ((Number) tempids.get(persons.get(i).tempid())).longValue();
      }
      return ids;
    }

    @Override
    public long countPersons() {
      Object args =
          map(
              Clojure.read(":index"), Clojure.read(":aevt"),
              Clojure.read(":components"), READ_EDN.invoke("[:person/name]"),
              Clojure.read(":limit"), -1L);
      long n = 0;
      for (Object ignored : (Iterable<?>) DATOMS.invoke(DB.invoke(conn), args)) {
        n++;
      }
      return n;
    }

    @Override
    public long q(String query, Object... inputs) {
      throw queriesElsewhere();
    }

    @Override
    public long qFiltered(String query) {
      throw queriesElsewhere();
    }

    @Override
    public long pull(String selector, long[] ids) {
      throw queriesElsewhere();
    }

    @Override
    public long walkAevt(String attr) {
      throw queriesElsewhere();
    }

    @Override
    public long indexPull(String selector, String attr, int n) {
      throw queriesElsewhere();
    }

    @Override
    public long qseq(String query) {
      throw queriesElsewhere();
    }

    private static UnsupportedOperationException queriesElsewhere() {
      return new UnsupportedOperationException(
          "Datomic Local is the reference for durable loads only; queries run on the in-memory"
              + " peer");
    }

    @Override
    public void close() {
      DELETE_DATABASE.invoke(client, map(DB_NAME, name));
    }
  }
}
