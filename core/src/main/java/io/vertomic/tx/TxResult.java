package io.vertomic.tx;

import io.vertomic.datom.Datom;
import io.vertomic.db.DbValue;
import java.util.List;
import java.util.Map;

/** What the transaction processor returns: the values before and after, the datoms, the tempids. */
public record TxResult(
    DbValue before, DbValue after, List<Datom> txData, Map<String, Long> tempids) {}
