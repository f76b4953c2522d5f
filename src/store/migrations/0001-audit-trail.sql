-- 0001 The audit trail, enforced in the database so that no code path can bypass it
-- (21 CFR 11.10(e); EU GMP Annex 11 §9; ICH E6(R3) 4.2.2; NMPA GCP 2020 Art. 25).
--
-- A table declared with `SELECT firstdose_audit('name')` gets:
--   * a BEFORE trigger that refuses a write without a user, and an update or delete without a
--     reason (the user and reason are transaction-local settings: firstdose.user,
--     firstdose.reason); it keeps `version` (optimistic locking) and `created_at` server-owned;
--   * an AFTER trigger that appends one audit_log row per field the statement changed (every
--     field on insert and delete), old and new value as jsonb, in the same transaction;
--   * a TRUNCATE trigger that refuses: TRUNCATE would bypass the row triggers.
-- audit_log itself refuses UPDATE, DELETE and TRUNCATE. Its rows form a hash chain:
--   hash = sha256(prev_hash || convert_to(ROW(seq, table_name, row_id, operation, field,
--          old_value, new_value, user_id, <recorded_at as YYYY-MM-DDTHH:MI:SS.USZ>, reason)::text,
--          'UTF8'))
-- (src/store/canonical.ts holds the same definition for `audit verify`, in SQL and in JS).
-- Only PostgreSQL 15 features: the server we run is Debian's 15, PGlite is 18.

CREATE TABLE audit_log (
  -- Assigned by the chain trigger, not a sequence: sequences are not transactional, so a rolled
  -- back transaction would leave a gap that looks like a removed record.
  seq         bigint PRIMARY KEY,
  table_name  text NOT NULL,
  row_id      text NOT NULL,
  operation   text NOT NULL,
  field       text,
  -- SQL NULL: no value (before an insert, after a delete); JSON null: the field was null.
  old_value   jsonb,
  new_value   jsonb,
  user_id     text NOT NULL,
  recorded_at timestamptz NOT NULL,
  reason      text,
  prev_hash   bytea NOT NULL,
  hash        bytea NOT NULL
);

-- A record's history (the audit trail screen) and the replay check of `audit verify`.
CREATE INDEX audit_log_record ON audit_log (table_name, row_id, field, seq);

-- The end of the chain as of the last commit. Verify compares it with the last record, so
-- records removed from the end are found too. One row, moved only by firstdose_audit_head().
CREATE TABLE audit_chain_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash bytea NOT NULL
);
INSERT INTO audit_chain_head (seq, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

-- The tables whose rows are audited; `audit verify` replays the log against each of them.
CREATE TABLE audited_tables (
  table_name text PRIMARY KEY
);

CREATE FUNCTION firstdose_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'firstdose: % on % is refused: the audit trail is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'FD003';
END $$;

-- Links each new audit record to the previous one.
CREATE FUNCTION firstdose_audit_chain() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  head_seq  bigint;
  head_hash bytea;
  last_seq  bigint;
  last_hash bytea;
BEGIN
  -- One writer at a time: the head row stays locked until this transaction ends, so two
  -- transactions can never link to the same predecessor (the chain cannot fork).
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_head h FOR UPDATE;
  -- The head moves at commit only, so records this transaction appended are in the log. max()
  -- and a primary-key lookup always use the index, whatever the planner thinks of the table.
  last_seq := (SELECT max(a.seq) FROM audit_log a);
  IF last_seq IS NULL OR last_seq <= head_seq THEN
    last_seq := head_seq;
    last_hash := head_hash;
  ELSE
    last_hash := (SELECT a.hash FROM audit_log a WHERE a.seq = last_seq);
  END IF;
  NEW.seq := last_seq + 1;
  NEW.prev_hash := last_hash;
  NEW.recorded_at := clock_timestamp();
  NEW.hash := sha256(NEW.prev_hash || convert_to(ROW(NEW.seq, NEW.table_name, NEW.row_id, NEW.operation, NEW.field,
    NEW.old_value, NEW.new_value, NEW.user_id, to_char(NEW.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    NEW.reason)::text, 'UTF8'));
  RETURN NEW;
END $$;

-- Runs at commit, once per appended record; only the newest moves the head, so a transaction
-- rewrites the head row once (updating it per record would bloat it within one transaction).
CREATE FUNCTION firstdose_audit_head() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  -- max() is an index lookup; a range test here was planned as a scan from the start: O(n²).
  IF NEW.seq = (SELECT max(seq) FROM audit_log) THEN
    UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash;
  END IF;
  RETURN NULL;
END $$;

-- The head may move only from firstdose_audit_head (trigger depth 2), never by a statement.
CREATE FUNCTION firstdose_audit_head_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'firstdose: UPDATE on audit_chain_head is refused: the audit trail is append-only'
      USING ERRCODE = 'FD003';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER firstdose_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION firstdose_audit_chain();
CREATE CONSTRAINT TRIGGER firstdose_head AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION firstdose_audit_head();
CREATE TRIGGER firstdose_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION firstdose_refuse();
CREATE TRIGGER firstdose_head_guard BEFORE UPDATE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION firstdose_audit_head_guard();
CREATE TRIGGER firstdose_append_only BEFORE DELETE OR TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION firstdose_refuse();

-- BEFORE each write of an audited table: attribution, reason, version, created_at.
-- TG_ARGV[0] is 'created_at' when the table has that column (decided by firstdose_audit).
CREATE FUNCTION firstdose_audit_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('firstdose.user', true), '') = '' THEN
    RAISE EXCEPTION 'firstdose: % on % needs a user (set firstdose.user for the transaction)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'FD001';
  END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
    IF TG_ARGV[0] = 'created_at' THEN
      NEW.created_at := now();
    END IF;
    RETURN NEW;
  END IF;
  -- "Reason required for every change after first entry" (ICH E6(R3) 4.2.2).
  IF coalesce(current_setting('firstdose.reason', true), '') = '' THEN
    RAISE EXCEPTION 'firstdose: % on % needs a reason (set firstdose.reason for the transaction)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'FD002';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'firstdose: the id of a % record cannot change', TG_TABLE_NAME USING ERRCODE = 'FD004';
  END IF;
  NEW.version := OLD.version + 1;
  IF TG_ARGV[0] = 'created_at' THEN
    NEW.created_at := OLD.created_at;
  END IF;
  RETURN NEW;
END $$;

-- AFTER each write of an audited table: one audit record per changed field, in name order.
-- The settings pin how values print as JSON, so the same value always gives the same record.
CREATE FUNCTION firstdose_audit_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT SET TimeZone = 'UTC' SET IntervalStyle = 'postgres' SET extra_float_digits = 1 AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
BEGIN
  INSERT INTO audit_log (table_name, row_id, operation, field, old_value, new_value, user_id, reason)
  SELECT TG_TABLE_NAME, coalesce(new_row, old_row) ->> 'id', TG_OP, f.key, old_row -> f.key, new_row -> f.key,
         current_setting('firstdose.user'), nullif(current_setting('firstdose.reason', true), '')
  FROM jsonb_each(coalesce(new_row, old_row)) AS f
  WHERE TG_OP <> 'UPDATE' OR (old_row -> f.key) IS DISTINCT FROM (new_row -> f.key)
  ORDER BY f.key;
  RETURN NULL;
END $$;

-- The one declaration that puts a table under audit. The table needs `id` (any type; it is the
-- audit record's row_id as text) and `version integer`. Safe to call again, e.g. after adding
-- created_at. Trigger names: BEFORE triggers fire in name order, and the guard must see the
-- final row, so it is named to sort after any the model adds.
CREATE FUNCTION firstdose_audit(target regclass) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  name text := (SELECT relname FROM pg_class WHERE oid = target);
  has_created_at boolean;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = target AND attname = 'id' AND attnum > 0 AND NOT attisdropped) THEN
    RAISE EXCEPTION 'firstdose_audit(%): an audited table needs an id column', name;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = target AND attname = 'version' AND atttypid = 'integer'::regtype
                 AND attnum > 0 AND NOT attisdropped) THEN
    RAISE EXCEPTION 'firstdose_audit(%): an audited table needs a column version integer', name;
  END IF;
  has_created_at := EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = target AND attname = 'created_at' AND attnum > 0 AND NOT attisdropped);
  EXECUTE format('DROP TRIGGER IF EXISTS zz_firstdose_guard ON %s', target);
  EXECUTE format('DROP TRIGGER IF EXISTS firstdose_audit ON %s', target);
  EXECUTE format('DROP TRIGGER IF EXISTS firstdose_no_truncate ON %s', target);
  EXECUTE format('CREATE TRIGGER zz_firstdose_guard BEFORE INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION firstdose_audit_guard(%L)',
    target, CASE WHEN has_created_at THEN 'created_at' ELSE '' END);
  EXECUTE format('CREATE TRIGGER firstdose_audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION firstdose_audit_write()', target);
  EXECUTE format('CREATE TRIGGER firstdose_no_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION firstdose_refuse()', target);
  INSERT INTO audited_tables (table_name) VALUES (name) ON CONFLICT DO NOTHING;
END $$;
