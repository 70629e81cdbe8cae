package io.vertomic.peer;

import io.vertomic.edn.Keyword;
import java.util.Set;

/**
 * A lazy, navigable view of one entity in one {@link Database}. {@link #get} of a reference gives
 * another {@code Entity}; of a cardinality-many attribute a {@code Set}; of a reverse attribute
 * ({@code :person/_follows}) the set of entities pointing here, or for a component attribute the
 * one entity that owns this one.
 *
 * <pre>{@code db.entity(List.of(":person/email", "ivan@x")).get(":person/name") // => "Ivan"}</pre>
 */
public interface Entity {

  /** The entity id. */
  long id();

  /** The database this view reads. */
  Database db();

  /** The value of {@code attr} (keyword or {@code ":ns/name"} string), or null. */
  Object get(Object attr);

  /** The attributes this entity has values for. */
  Set<Keyword> keySet();

  /**
   * Reads every attribute of this entity now, and of its component entities recursively (Datomic's
   * {@code touch}), so later {@link #get}s read nothing. Returns this entity.
   *
   * <pre>{@code db.entity(order).touch().get(":order/lines") // => #{{:db/id 42} ...}, loaded}
   * </pre>
   */
  Entity touch();
}
