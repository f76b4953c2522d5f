-- 0002 The first trial-data tables, kept minimal and general: a study, its sites, its subjects.
-- Every trial-data table has `id`, `version integer` (optimistic locking; the audit guard keeps
-- it) and `created_at` (server time; the guard keeps it), and is put under audit by one line.

CREATE TABLE study (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code       text NOT NULL UNIQUE,
  title      text NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('study');

CREATE TABLE site (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id   uuid NOT NULL REFERENCES study (id),
  code       text NOT NULL,
  name       text NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (study_id, code),
  -- Lets subject name its site and study together, so a subject's site is in its study.
  UNIQUE (id, study_id)
);
SELECT firstdose_audit('site');

CREATE TABLE subject (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id         uuid NOT NULL REFERENCES study (id),
  site_id          uuid NOT NULL,
  screening_number text NOT NULL,
  status           text NOT NULL DEFAULT 'screening'
    CHECK (status IN ('screening', 'screen_failed', 'enrolled', 'completed', 'withdrawn')),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (study_id, screening_number),
  FOREIGN KEY (site_id, study_id) REFERENCES site (id, study_id)
);
SELECT firstdose_audit('subject');
