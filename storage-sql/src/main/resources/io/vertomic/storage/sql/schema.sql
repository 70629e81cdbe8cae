-- Vertomic's sql storage: three tables, created idempotently (scripts/sql-schema runs this file).
-- Keys sort in code-point order (COLLATE "C"), as every storage backend lists them.
CREATE TABLE IF NOT EXISTS vertomic_segments (
  key text COLLATE "C" PRIMARY KEY,
  val bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS vertomic_roots (
  name text COLLATE "C" PRIMARY KEY,
  rev bigint NOT NULL,
  val bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS vertomic_log (
  db text COLLATE "C" NOT NULL,
  t bigint NOT NULL,
  val bytea NOT NULL,
  PRIMARY KEY (db, t)
);
