/**
 * Internal. Query parsing and validation: EDN (text or data, list or map form) into records under
 * sealed interfaces ({@link io.vertomic.query.parse.FindSpec}, {@link
 * io.vertomic.query.parse.Clause}, {@link io.vertomic.query.parse.Binding}, {@link
 * io.vertomic.query.parse.In}, {@link io.vertomic.query.parse.Rule}), then {@link
 * io.vertomic.query.parse.QueryValidator} into a {@link io.vertomic.query.parse.ValidQuery}, the
 * only type the engine runs. Errors are {@code incorrect} anomalies {@code :query.error/...}. May
 * use: datom, api (edn, anomaly).
 */
package io.vertomic.query.parse;
