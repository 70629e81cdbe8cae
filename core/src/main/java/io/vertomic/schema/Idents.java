package io.vertomic.schema;

import io.vertomic.edn.Keyword;

/** The built-in idents the engine refers to by name. */
public final class Idents {
  private Idents() {}

  public static final Keyword IDENT = Keyword.of("db/ident");
  public static final Keyword VALUE_TYPE = Keyword.of("db/valueType");
  public static final Keyword CARDINALITY = Keyword.of("db/cardinality");
  public static final Keyword UNIQUE = Keyword.of("db/unique");
  public static final Keyword IS_COMPONENT = Keyword.of("db/isComponent");
  public static final Keyword INDEX = Keyword.of("db/index");
  public static final Keyword NO_HISTORY = Keyword.of("db/noHistory");
  public static final Keyword FULLTEXT = Keyword.of("db/fulltext");
  public static final Keyword DOC = Keyword.of("db/doc");
  public static final Keyword TX_INSTANT = Keyword.of("db/txInstant");

  /** The attribute holding a database function, called by its entity's ident. */
  public static final Keyword FN = Keyword.of("db/fn");

  public static final Keyword TUPLE_ATTRS = Keyword.of("db/tupleAttrs");
  public static final Keyword TUPLE_TYPE = Keyword.of("db/tupleType");
  public static final Keyword TUPLE_TYPES = Keyword.of("db/tupleTypes");
  public static final Keyword ATTR_PREDS = Keyword.of("db.attr/preds");
  public static final Keyword ENSURE = Keyword.of("db/ensure");
  public static final Keyword ENTITY_ATTRS = Keyword.of("db.entity/attrs");
  public static final Keyword ENTITY_PREDS = Keyword.of("db.entity/preds");
  public static final Keyword EXCISE = Keyword.of("db/excise");
  public static final Keyword EXCISE_ATTRS = Keyword.of("db.excise/attrs");
  public static final Keyword EXCISE_BEFORE_T = Keyword.of("db.excise/beforeT");
  public static final Keyword EXCISE_BEFORE = Keyword.of("db.excise/before");

  /**
   * A client-chosen key on a transaction's entity: a retry with a committed key applies nothing.
   */
  public static final Keyword IDEMPOTENCY_KEY = Keyword.of("vertomic.tx/idempotency-key");

  /** The ids a keyed transaction's tempids got (an EDN map), so a retry answers the same. */
  public static final Keyword TX_TEMPIDS = Keyword.of("vertomic.tx/tempids");

  /**
   * The id of the access key a transaction came through the peer server with (docs/security.md):
   * set by the server, never by its clients.
   */
  public static final Keyword TX_ACCESS_KEY = Keyword.of("vertomic.tx/access-key");

  public static final Keyword INSTALL_ATTRIBUTE = Keyword.of("db.install/attribute");
  public static final Keyword INSTALL_PARTITION = Keyword.of("db.install/partition");
  public static final Keyword FORCE_PARTITION = Keyword.of("db/force-partition");
  public static final Keyword MATCH_PARTITION = Keyword.of("db/match-partition");
  public static final Keyword CARDINALITY_ONE = Keyword.of("db.cardinality/one");
  public static final Keyword CARDINALITY_MANY = Keyword.of("db.cardinality/many");
  public static final Keyword PART_DB = Keyword.of("db.part/db");
  public static final Keyword PART_TX = Keyword.of("db.part/tx");
  public static final Keyword PART_USER = Keyword.of("db.part/user");

  public static final Keyword ID = Keyword.of("db/id");
  public static final Keyword ADD = Keyword.of("db/add");
  public static final Keyword RETRACT = Keyword.of("db/retract");
  public static final Keyword CAS = Keyword.of("db/cas");
  public static final Keyword FN_CAS = Keyword.of("db.fn/cas");
  public static final Keyword RETRACT_ENTITY = Keyword.of("db/retractEntity");
  public static final Keyword FN_RETRACT_ENTITY = Keyword.of("db.fn/retractEntity");

  /** The tempid that names the current transaction's own entity. */
  public static final String TX_TEMPID = "datomic.tx";
}
