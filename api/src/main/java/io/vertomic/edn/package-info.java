/**
 * Public API: EDN values ({@link io.vertomic.edn.Keyword}, {@link io.vertomic.edn.Symbol}, {@link
 * io.vertomic.edn.Tagged}, {@link io.vertomic.edn.EdnList}, Datomic's tempid records {@link
 * io.vertomic.edn.DbId} and database functions {@link io.vertomic.edn.DbFn}), {@link
 * io.vertomic.edn.Edn}, the reader and the canonical printer, and {@link io.vertomic.edn.EdnOrder},
 * the total order of EDN values. Everything else here is package-private. May use: nothing but the
 * JDK.
 */
package io.vertomic.edn;
