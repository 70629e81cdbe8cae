package io.vertomic.query.plan;

import io.vertomic.datom.IndexOrder;
import io.vertomic.edn.Symbol;
import io.vertomic.query.parse.Clause;
import java.util.Set;

/**
 * One planned step: the clause, the index a data pattern reads (null for other clauses), the
 * estimated rows it touches, and the variables the surrounding clauses can bind ({@code scope},
 * which fixes the join variables of a {@code not}).
 */
public record Step(Clause clause, IndexOrder index, long estimate, Set<Symbol> scope) {}
