-- 0004 Patients who ask, from the public study page, to be contacted by a site. Stored only with
-- the patient's consent (the CHECK makes a row without it impossible) and audited like trial
-- data: a name and a telephone number are identifying, so who read or changed them is on record.
-- Rows are never deleted; a request is closed with a status change and a reason.
CREATE TABLE contact_request (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id   uuid NOT NULL REFERENCES study (id),
  -- The site the patient chose; null when they left it to the study.
  site_id    uuid REFERENCES site (id),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone      text NOT NULL CHECK (length(phone) BETWEEN 3 AND 40),
  -- The language the patient used, so the site calls back in it.
  language   text NOT NULL,
  -- The self-check answers, when the patient chose to send them along.
  answers    jsonb,
  consent    boolean NOT NULL CHECK (consent),
  status     text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'closed')),
  version    integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT firstdose_audit('contact_request');
CREATE TRIGGER firstdose_no_delete BEFORE DELETE ON contact_request FOR EACH ROW EXECUTE FUNCTION firstdose_refuse_delete();
