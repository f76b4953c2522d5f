-- 0003 The record of a trial's conduct: protocol versions, people and their roles, the subject
-- lifecycle, screening results, visits, observations (entered, imported as proposals, derived),
-- doses, adverse events, data queries, dose-escalation decisions, signatures and the actions
-- that are not data changes (logins, exports, signing). Every table here is audited, except
-- user_credential: a password hash is a secret, not trial data, and must not be copied into the
-- audit log; a change of password is recorded as a security_event instead.
-- Nothing is deleted by the services: withdrawal, rejection and "entered in error" are statuses
-- with a reason (21 CFR 11.10(e): earlier values are never hidden).

-- The protocol a study runs, one row per version; `content` is the validated protocol document
-- and `content_hash` its SHA-256, so a screening result names exactly what it was judged by.
CREATE TABLE protocol_version (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id       uuid NOT NULL REFERENCES study (id),
  protocol_id    text NOT NULL,
  label          text NOT NULL,
  effective_date date NOT NULL,
  content        jsonb NOT NULL,
  content_hash   text NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (study_id, label)
);
SELECT firstdose_audit('protocol_version');

-- A username is never reused or reassigned, even after deactivation (21 CFR 11.100(a)): rows are
-- never deleted (the trigger below refuses), so the unique constraint covers every name ever used.
CREATE TABLE app_user (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username              text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  full_name             text NOT NULL,
  active                boolean NOT NULL DEFAULT true,
  -- Identity verification before the account may sign (11.100(b)): who checked it, and when.
  identity_verified_by  text,
  identity_verified_at  timestamptz,
  -- The user's statement that their e-signature equals a handwritten one (11.100(c)).
  signature_attested_at timestamptz,
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('app_user');

CREATE FUNCTION firstdose_refuse_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'firstdose: DELETE on % is refused: change its status, with a reason, instead', TG_TABLE_NAME USING ERRCODE = 'FD005';
END $$;
CREATE TRIGGER firstdose_no_delete BEFORE DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION firstdose_refuse_delete();

CREATE TABLE user_credential (
  user_id         uuid PRIMARY KEY REFERENCES app_user (id),
  password_hash   text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_at       timestamptz,
  changed_at      timestamptz NOT NULL DEFAULT now()
);

-- A role per site; a row without a site is study-wide (monitor, data manager, safety committee,
-- sponsor viewer, administrator usually are).
CREATE TABLE user_role (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES app_user (id),
  study_id   uuid NOT NULL REFERENCES study (id),
  site_id    uuid REFERENCES site (id),
  role       text NOT NULL CHECK (role IN ('administrator', 'investigator', 'coordinator', 'monitor', 'data_manager',
                                          'safety_committee', 'sponsor_viewer')),
  active     boolean NOT NULL DEFAULT true,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (user_id, study_id, site_id, role)
);
SELECT firstdose_audit('user_role');

-- The subject lifecycle of issue 5; the transitions are checked by the service
-- (src/domain/conduct/lifecycle.ts). New columns start null, so earlier audit records replay.
ALTER TABLE subject DROP CONSTRAINT subject_status_check;
ALTER TABLE subject ADD CONSTRAINT subject_status_check
  CHECK (status IN ('screening', 'screen_failed', 'enrolled', 'dosed', 'follow_up', 'completed', 'withdrawn', 'died'));
ALTER TABLE subject ADD COLUMN dose_level integer CHECK (dose_level >= 1);
ALTER TABLE subject ADD COLUMN cohort integer CHECK (cohort >= 1);
ALTER TABLE subject ADD COLUMN enrolled_on date;

-- A snapshot of one eligibility evaluation and the protocol version it used.
CREATE TABLE screening_result (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id          uuid NOT NULL REFERENCES subject (id),
  protocol_version_id uuid NOT NULL REFERENCES protocol_version (id),
  as_of               date NOT NULL,
  outcome             text NOT NULL CHECK (outcome IN ('eligible', 'not-eligible', 'undetermined')),
  evaluation          jsonb NOT NULL,
  source_hash         text,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('screening_result');
CREATE INDEX screening_result_subject ON screening_result (subject_id);

-- Visits generated from the protocol's schedule relative to the first dose.
CREATE TABLE visit (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id   uuid NOT NULL REFERENCES subject (id),
  visit_code   text NOT NULL,
  study_day    integer NOT NULL,
  planned_date date NOT NULL,
  window_start date NOT NULL,
  window_end   date NOT NULL,
  actual_date  date,
  status       text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'missed', 'cancelled')),
  -- The hospital record (HIS/EMR) number of the source documents of this visit.
  source_ref   text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject_id, visit_code),
  CHECK (window_start <= planned_date AND planned_date <= window_end)
);
SELECT firstdose_audit('visit');

-- One file that was imported: its checksum and what it held (R-32: attributable imports).
CREATE TABLE import_batch (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id   uuid NOT NULL REFERENCES study (id),
  subject_id uuid REFERENCES subject (id),
  kind       text NOT NULL CHECK (kind IN ('fhir-bundle', 'lab-file')),
  file_name  text NOT NULL,
  sha256     text NOT NULL,
  items      integer NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('import_batch');

-- Typed observations. An imported value arrives `proposed`; a person accepts (`final`) or
-- rejects it. observed_at is when it was measured; created_at, when it was entered (R-33).
CREATE TABLE observation (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id  uuid NOT NULL REFERENCES subject (id),
  visit_id    uuid REFERENCES visit (id),
  kind        text NOT NULL CHECK (kind IN ('lab', 'vital', 'sledai2k', 'pga', 'bilag', 'ice', 'b-cells', 'car-fraction',
                                            'glucocorticoid', 'assessment-flags', 'crs-findings', 'icans-findings')),
  code        text NOT NULL,
  value_num   numeric,
  value_text  text,
  value_json  jsonb,
  unit        text,
  ref_low     numeric,
  ref_high    numeric,
  observed_at timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('final', 'proposed', 'rejected', 'entered-in-error')),
  source      text NOT NULL CHECK (source IN ('entry', 'import', 'derived')),
  import_id   uuid REFERENCES import_batch (id),
  import_row  integer,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((source = 'import') = (import_id IS NOT NULL))
);
SELECT firstdose_audit('observation');
CREATE INDEX observation_subject ON observation (subject_id, kind, observed_at);

CREATE TABLE dose_administration (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id uuid NOT NULL REFERENCES subject (id),
  dose_level integer NOT NULL CHECK (dose_level >= 1),
  amount     numeric,
  unit       text,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz,
  status     text NOT NULL DEFAULT 'given' CHECK (status IN ('given', 'entered-in-error')),
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
SELECT firstdose_audit('dose_administration');
CREATE INDEX dose_administration_subject ON dose_administration (subject_id, started_at);

-- Graded by CTCAE v5, or by ASTCT for CRS and ICANS. grade_auto is FirstDose's grade from the
-- labs or findings; grade is the one that counts, and differs only with an override reason.
CREATE TABLE adverse_event (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id            uuid NOT NULL REFERENCES subject (id),
  term                  text NOT NULL,
  grading               text NOT NULL CHECK (grading IN ('ctcae', 'astct-crs', 'astct-icans')),
  onset_date            date NOT NULL,
  resolved_date         date,
  grade_auto            integer CHECK (grade_auto BETWEEN 0 AND 5),
  grade                 integer NOT NULL CHECK (grade BETWEEN 1 AND 5),
  grade_override_reason text,
  grading_basis         jsonb,
  serious               boolean NOT NULL DEFAULT false,
  relatedness           text NOT NULL CHECK (relatedness IN ('not-related', 'unlikely', 'possible', 'probable', 'definite')),
  action                text,
  outcome               text,
  dlt_suggested         boolean,
  dlt_rule              text,
  dlt                   text CHECK (dlt IN ('yes', 'no')),
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'entered-in-error')),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (resolved_date IS NULL OR resolved_date >= onset_date),
  CHECK (grade_auto IS NULL OR grade = grade_auto OR grade_override_reason IS NOT NULL)
);
SELECT firstdose_audit('adverse_event');
CREATE INDEX adverse_event_subject ON adverse_event (subject_id, onset_date);

CREATE TABLE data_query (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id   uuid NOT NULL REFERENCES study (id),
  subject_id uuid REFERENCES subject (id),
  table_name text NOT NULL,
  row_id     text NOT NULL,
  field      text,
  text       text NOT NULL,
  status     text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  answer     text,
  raised_by  text NOT NULL,
  automatic  boolean NOT NULL DEFAULT false,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('data_query');

-- One dose step: what the design recommended from the live data (its full input, so the
-- recommendation can be replayed), what the committee decided and why it departed, if it did.
-- The decision counts once it carries a valid signature of a safety committee member.
CREATE TABLE escalation_decision (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id            uuid NOT NULL REFERENCES study (id),
  protocol_version_id uuid NOT NULL REFERENCES protocol_version (id),
  cohort              integer NOT NULL CHECK (cohort >= 1),
  level               integer NOT NULL CHECK (level >= 1),
  as_of               date NOT NULL,
  input               jsonb NOT NULL,
  recommendation      jsonb NOT NULL,
  next_level          integer CHECK (next_level >= 1),
  override_reason     text,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (study_id, cohort)
);
SELECT firstdose_audit('escalation_decision');

-- An electronic signature: who (and the printed name at the time), when (created_at, server
-- time), what it means, and the SHA-256 of the canonical content of the signed record at that
-- moment, including the record's table, id and version, so it cannot be moved to another record
-- and any later change of the record breaks it visibly.
CREATE TABLE signature (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  table_name   text NOT NULL,
  row_id       text NOT NULL,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  full_name    text NOT NULL,
  role         text NOT NULL,
  meaning      text NOT NULL CHECK (meaning IN ('authored', 'reviewed', 'approved', 'eligibility-confirmed', 'dlt-adjudicated',
                                                'escalation-approved', 'signature-attestation')),
  content_hash text NOT NULL,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('signature');
CREATE INDEX signature_record ON signature (table_name, row_id);

-- Actions that are not data changes (R-21): logins, failed logins, logouts, exports, signing,
-- refused conduct actions. Audited like everything else, so they are in the hash chain.
CREATE TABLE security_event (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind       text NOT NULL,
  username   text,
  detail     jsonb NOT NULL DEFAULT '{}',
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('security_event');

-- Earlier values are never hidden (R-19): rows of the conduct record are not deleted, not even
-- by SQL; withdrawal, rejection and "entered in error" are status changes with a reason. (A
-- restore loads rows with triggers off, and so is not affected.)
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['protocol_version', 'user_role', 'screening_result', 'visit', 'import_batch', 'observation',
                           'dose_administration', 'adverse_event', 'data_query', 'escalation_decision', 'signature',
                           'security_event'] LOOP
    EXECUTE format('CREATE TRIGGER firstdose_no_delete BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION firstdose_refuse_delete()', t);
  END LOOP;
END $$;
