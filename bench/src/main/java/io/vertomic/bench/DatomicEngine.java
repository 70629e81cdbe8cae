package io.vertomic.bench;

import datomic.Connection;
import datomic.Database;
import datomic.Peer;
import datomic.Util;
import io.vertomic.bench.People.Person;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Datomic Pro's in-process peer on {@code datomic:mem://} databases: the reference. */
final class DatomicEngine implements Engine {
  private static final PersonTx TX = PersonTx.of(Util::read);

  @Override
  public String name() {
    return "datomic";
  }

  @Override
  public Session fresh(String name) {
    String uri = "datomic:mem://" + name;
    Peer.createDatabase(uri);
    Connection conn = Peer.connect(uri);
    await(conn.transact((List<?>) Util.read(People.SCHEMA)));
    return new DatomicSession(uri, conn);
  }

  private static Map<?, ?> await(java.util.concurrent.Future<Map> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new IllegalStateException("Datomic transaction failed", e);
    }
  }

  private record DatomicSession(String uri, Connection conn) implements Session {
    @Override
    public long[] transactPersons(List<Person> persons, IntFunction<Long> idOf) {
      return transact(persons, TX.txData(persons, idOf));
    }

    @Override
    public long[] transactPersonsEdn(List<Person> persons, IntFunction<Long> idOf) {
      return transact(persons, (List<?>) Util.read(PersonTx.ednText(persons, idOf)));
    }

    private long[] transact(List<Person> persons, List<?> tx) {
      Map<?, ?> r = await(conn.transact(tx));
      Database after = (Database) r.get(Connection.DB_AFTER);
      Object tempids = r.get(Connection.TEMPIDS);
      long[] ids = new long[persons.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = (Long) Peer.resolveTempid(after, tempids, persons.get(i).tempid());
      }
      return ids;
    }

    @Override
    public long countPersons() {
      long n = 0;
      for (Object ignored : conn.db().datoms(Database.AEVT, TX.name())) {
        n++;
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
      return ((Collection<?>)
              Peer.q(
                  query,
                  conn.db().filter((Database.Predicate<datomic.Datom>) (unfiltered, d) -> true)))
          .size();
    }

    @Override
    public long pull(String selector, long[] ids) {
      Database db = conn.db();
      Object pattern = Util.read(selector);
      long n = 0;
      for (long id : ids) {
        n += db.pull(pattern, id).size();
      }
      return n;
    }

    @Override
    public long walkAevt(String attr) {
      long sum = 0;
      for (Object d : conn.db().datoms(Database.AEVT, Util.read(attr))) {
        sum += (Long) ((datomic.Datom) d).v();
      }
      return sum;
    }

    @Override
    public long indexPull(String selector, String attr, int n) {
      Object args = Util.read("{:index :avet :selector " + selector + " :start [" + attr + "]}");
      return conn.db()
          .indexPull(args)
          .limit(n)
          .mapToLong(m -> m == null ? 0 : ((Map<?, ?>) m).size())
          .sum();
    }

    @Override
    public long qseq(String query) {
      return Peer.qseq(Util.read(query), conn.db()).count();
    }

    @Override
    public void close() {
      conn.release();
      Peer.deleteDatabase(uri);
    }
  }
}
