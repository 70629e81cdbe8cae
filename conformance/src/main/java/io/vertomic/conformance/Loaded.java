package io.vertomic.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A history loaded into both engines. Transactions both reject are dropped ({@link #history} keeps
 * the accepted ones, so {@code $as-of-N} counts those); a transaction only one engine rejects is a
 * difference of its own, and loading stops there.
 */
final class Loaded implements AutoCloseable {
  final DatomicSession datomic;
  final VertomicSession vertomic;
  final History history;
  final Difference rejected;

  private Loaded(
      DatomicSession datomic, VertomicSession vertomic, History history, Difference rejected) {
    this.datomic = datomic;
    this.vertomic = vertomic;
    this.history = history;
    this.rejected = rejected;
  }

  /** Loads {@code h}; null when Datomic rejects its schema and Vertomic does too. */
  static Loaded load(History h, long seed, long caseIndex) {
    DatomicSession d = new DatomicSession(h);
    VertomicSession v = new VertomicSession(h);
    String ds = d.transactSchema();
    String vs = v.transactSchema();
    if (ds != null || vs != null) {
      Difference diff =
          ds != null && vs != null
              ? null
              : new Difference(
                  seed,
                  caseIndex,
                  h.withTxs(List.of()),
                  Read.of("transact", java.util.EnumSet.noneOf(Feature.class), "tx", h.schemaTx()),
                  ds == null ? Outcome.answer("ok", "accepted") : Outcome.error(ds),
                  vs == null ? Outcome.answer("ok", "accepted") : Outcome.error(vs),
                  ds == null ? "schema/vertomic-rejects" : "schema/datomic-rejects");
      return new Loaded(d, v, h.withTxs(List.of()), diff);
    }
    List<List<Object>> kept = new ArrayList<>();
    for (List<Object> tx : h.txs()) {
      String de = d.transactData(tx);
      String ve = v.transactData(tx);
      if (de == null && ve == null) {
        kept.add(tx);
      } else if (de == null || ve == null) {
        List<List<Object>> upTo = new ArrayList<>(kept);
        upTo.add(tx);
        Difference diff =
            new Difference(
                seed,
                caseIndex,
                h.withTxs(upTo),
                Read.of("transact", java.util.EnumSet.noneOf(Feature.class), "tx", tx),
                de == null ? Outcome.answer("ok", "accepted") : Outcome.error(de),
                ve == null ? Outcome.answer("ok", "accepted") : Outcome.error(ve),
                de == null ? "transact/vertomic-rejects" : "transact/datomic-rejects");
        return new Loaded(d, v, h.withTxs(kept), diff);
      }
    }
    return new Loaded(d, v, h.withTxs(kept), null);
  }

  @Override
  public void close() {
    datomic.close();
    vertomic.close();
  }
}
