package io.vertomic.tx;

/**
 * An application's code that transactions and schema may name: transaction functions, attribute
 * predicates and entity predicates. Implementations are found with {@link java.util.ServiceLoader}
 * on the classpath of every process that needs them (the peer, the peer server and the transactor,
 * {@code ./scripts/transactor URI --classpath app.jar}, or the jars of their {@code classpath}
 * config key): list the class in {@code META-INF/services/io.vertomic.tx.Extension}. Each is
 * instantiated once per process and asked to register its names (docs/extensions.md).
 *
 * <pre>{@code
 * public final class Bank implements Extension {
 *   public void register(Registry r) {
 *     r.txFunction("bank/transfer", (db, args) -> List.of(...));
 *     r.attrPredicate("bank/non-negative?", v -> ((Long) v) >= 0);
 *   }
 * }
 * }</pre>
 */
public interface Extension {
  /** Registers this extension's names with {@code registry}. */
  void register(Registry registry);
}
