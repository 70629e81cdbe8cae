package io.vertomic.bench;

import io.vertomic.bench.People.Person;
import io.vertomic.datom.Datom;
import io.vertomic.edn.Edn;
import io.vertomic.edn.Keyword;
import io.vertomic.peer.Connection;
import io.vertomic.peer.Database;
import io.vertomic.peer.Peer;
import io.vertomic.peer.TxReport;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Vertomic's in-process peer, on {@code vertomic:mem://} databases or on a durable storage named by
 * a URI format with one {@code %s} for the database name.
 */
final class VertomicEngine implements Engine {
  private static final PersonTx TX = PersonTx.of(Keyword::of);
  private final String name;
  private final String uriFormat;

  VertomicEngine() {
    this("vertomic", "vertomic:mem://%s");
  }

  VertomicEngine(String name, String uriFormat) {
    this.name = name;
    this.uriFormat = uriFormat;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Session fresh(String name) {
    String uri = String.format(uriFormat, name);
    Peer.deleteDatabase(uri);
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    conn.transact(People.SCHEMA).toCompletionStage().toCompletableFuture().join();
    return new VertomicSession(uri, conn);
  }

  private record VertomicSession(String uri, Connection conn) implements Session {
    @Override
    public long[] transactPersons(List<Person> persons, IntFunction<Long> idOf) {
      return transact(persons, TX.txData(persons, idOf));
    }

    @Override
    public long[] transactPersonsEdn(List<Person> persons, IntFunction<Long> idOf) {
      return transact(persons, (List<?>) Edn.read(PersonTx.ednText(persons, idOf)));
    }

    private long[] transact(List<Person> persons, List<?> tx) {
      TxReport r = conn.transact(tx).toCompletionStage().toCompletableFuture().join();
      long[] ids = new long[persons.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = r.tempids().get(persons.get(i).tempid());
      }
      return ids;
    }

    @Override
    public long countPersons() {
      long n = 0;
      for (Datom d : conn.db().datoms(":aevt", ":person/name")) {
        n += d.added() ? 1 : 0;
      }
      return n;
    }

    @Override
    public long q(String query, Object... inputs) {
      Object[] all = new Object[inputs.length + 1];
      all[0] = conn.db();
      System.arraycopy(inputs, 0, all, 1, inputs.length);
      return ((Collection<?>) Peer.q(query, all)).size();
    }

    @Override
    public long qFiltered(String query) {
      return ((Collection<?>) Peer.q(query, conn.db().filter((unfiltered, d) -> true))).size();
    }

    @Override
    public long pull(String selector, long[] ids) {
      Database db = conn.db();
      Object pattern = Edn.read(selector);
      long n = 0;
      for (long id : ids) {
        n += db.pull(pattern, id).size();
      }
      return n;
    }

    @Override
    public long walkAevt(String attr) {
      long sum = 0;
      for (Datom d : conn.db().datoms(":aevt", attr)) {
        sum += (Long) d.v();
      }
      return sum;
    }

    @Override
    public long indexPull(String selector, String attr, int n) {
      Map<String, Object> args =
          Map.of(":index", ":avet", ":selector", Edn.read(selector), ":start", List.of(attr));
      long size = 0;
      int taken = 0;
      for (Map<?, ?> m : conn.db().indexPull(args)) {
        if (taken++ == n) {
          break;
        }
        size += m == null ? 0 : m.size();
      }
      return size;
    }

    @Override
    public long qseq(String query) {
      long n = 0;
      for (Object row : Peer.qseq(query, conn.db())) {
        n += ((List<?>) row).isEmpty() ? 0 : 1;
      }
      return n;
    }

    @Override
    public void close() {
      Peer.deleteDatabase(uri);
    }
  }
}
