package io.vertomic.datom;

/**
 * The layout of a 64-bit entity id: a partition in the bits from {@value #PARTITION_SHIFT} up and a
 * counter below it, as in Datomic. Transactions live in {@link #PART_TX}, and a transaction's
 * entity id carries its {@code t} as the counter, so {@code t} and tx id convert both ways.
 * Counters of new entities are drawn from the same sequence as {@code t}, so ids grow with time.
 *
 * <pre>{@code EntityId.tToTx(1000) // => 13194139534312}</pre>
 */
public final class EntityId {
  /** Bits below the partition. */
  public static final int PARTITION_SHIFT = 42;

  /** Partition of schema entities: attributes and idents ({@code :db.part/db}). */
  public static final long PART_DB = 0;

  /** Partition of transaction entities ({@code :db.part/tx}). */
  public static final long PART_TX = 3;

  /** Partition of user data ({@code :db.part/user}). */
  public static final long PART_USER = 4;

  private static final long COUNTER_MASK = (1L << PARTITION_SHIFT) - 1;

  private EntityId() {}

  /** The entity id with the given partition and counter. */
  public static long of(long partition, long counter) {
    return (partition << PARTITION_SHIFT) | (counter & COUNTER_MASK);
  }

  /** The partition bits of {@code id}. */
  public static long partition(long id) {
    return id >>> PARTITION_SHIFT;
  }

  /** The counter bits of {@code id}. */
  public static long counter(long id) {
    return id & COUNTER_MASK;
  }

  /** The entity id of the transaction with basis {@code t}. */
  public static long tToTx(long t) {
    return of(PART_TX, t);
  }

  /** The {@code t} of a transaction entity id (or {@code t} itself when given a plain t). */
  public static long txToT(long tx) {
    return counter(tx);
  }

  /** Whether {@code id} is a transaction entity id. */
  public static boolean isTx(long id) {
    return partition(id) == PART_TX;
  }
}
