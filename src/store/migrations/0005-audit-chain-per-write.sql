-- 0005 The same audit records, linked once per write rather than once per record. Migration 0001
-- appends one audit record per changed field, and each record's BEFORE trigger locked the chain
-- head, looked up the last record and its hash, and queued a head update for commit: for an
-- observation's 18 fields, 18 of each, most of an audited write's cost. firstdose_audit_write
-- now does that once for all the records of the row it audits (lock, last record, then each
-- record's sequence and hash in turn, by the definition of 0001) and inserts them linked; one
-- head update is queued for them. The records of one row's write share one recorded_at, the
-- time of that write (0001 read the clock once per record, microseconds apart; formatting the
-- time for the hash was a fifth of the write). Fields, values, order, user, reason, hash
-- definition and the head at commit are 0001's, so `audit verify` reads old and new records
-- alike.
--
-- firstdose_chain still links every record inserted by a statement (trigger depth 0): a direct
-- INSERT into audit_log is chained as before. Records inserted from a trigger (depth 1 or more)
-- come linked; only firstdose_audit_write inserts into audit_log from a trigger, and one that
-- came otherwise with a wrong link is a break that `audit verify` reports. The head still moves
-- only from firstdose_audit_head at commit, for the newest record.

CREATE OR REPLACE FUNCTION firstdose_audit_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path FROM CURRENT SET TimeZone = 'UTC' SET IntervalStyle = 'postgres' SET extra_float_digits = 1 AS $$
DECLARE
  old_row   jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row   jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  record_id text;
  who       text := current_setting('firstdose.user');
  why       text := nullif(current_setting('firstdose.reason', true), '');
  fields    text[];
  olds      jsonb[];
  news      jsonb[];
  n         integer;
  head_seq  bigint;
  head_hash bytea;
  last_seq  bigint;
  last_hash bytea;
  first_prev bytea;
  at        timestamptz := clock_timestamp();
  at_text   text := to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  hashes    bytea[];
BEGIN
  record_id := coalesce(new_row, old_row) ->> 'id';
  -- One record per field the statement changed (every field on insert and delete), in name order.
  SELECT array_agg(f.key ORDER BY f.key), array_agg(old_row -> f.key ORDER BY f.key), array_agg(new_row -> f.key ORDER BY f.key)
    INTO fields, olds, news
  FROM jsonb_each(coalesce(new_row, old_row)) AS f
  WHERE TG_OP <> 'UPDATE' OR (old_row -> f.key) IS DISTINCT FROM (new_row -> f.key);
  n := coalesce(array_length(fields, 1), 0);
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  -- As firstdose_audit_chain (0001) does for each record, once: the head row stays locked until
  -- this transaction ends, so no other transaction can link to the same predecessor.
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_head h FOR UPDATE;
  last_seq := (SELECT max(a.seq) FROM audit_log a);
  IF last_seq IS NULL OR last_seq <= head_seq THEN
    last_seq := head_seq;
    last_hash := head_hash;
  ELSE
    last_hash := (SELECT a.hash FROM audit_log a WHERE a.seq = last_seq);
  END IF;
  first_prev := last_hash;
  FOR i IN 1 .. n LOOP
    -- 0001's hash of a record: sha256(prev_hash || its fields as a row's text), typed as the
    -- columns are (table_name and operation text, the values jsonb, SQL NULL for no value).
    last_hash := sha256(last_hash || convert_to(ROW(last_seq + i, TG_TABLE_NAME::text, record_id, TG_OP::text, fields[i],
      olds[i], news[i], who, at_text, why)::text, 'UTF8'));
    hashes[i] := last_hash;
  END LOOP;
  -- The newest record of this write queues the head update (firstdose_head's WHEN reads it).
  PERFORM set_config('firstdose.chain_end', (last_seq + n)::text, true);
  INSERT INTO audit_log (seq, table_name, row_id, operation, field, old_value, new_value, user_id, recorded_at, reason, prev_hash, hash)
  SELECT last_seq + i, TG_TABLE_NAME, record_id, TG_OP, fields[i], olds[i], news[i], who, at, why,
         CASE WHEN i = 1 THEN first_prev ELSE hashes[i - 1] END, hashes[i]
  FROM generate_subscripts(fields, 1) AS i
  ORDER BY i;
  RETURN NULL;
END $$;

DROP TRIGGER firstdose_chain ON audit_log;
CREATE TRIGGER firstdose_chain BEFORE INSERT ON audit_log
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION firstdose_audit_chain();

-- A constraint trigger's WHEN is evaluated as the record is inserted, not at commit.
DROP TRIGGER firstdose_head ON audit_log;
CREATE CONSTRAINT TRIGGER firstdose_head AFTER INSERT ON audit_log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (pg_trigger_depth() < 1 OR NEW.seq::text = current_setting('firstdose.chain_end', true))
  EXECUTE FUNCTION firstdose_audit_head();
