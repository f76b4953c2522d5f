// Pseudonymisation for the sponsor (R-48; ICH E6(R3) on confidentiality): a patient screened
// from a hospital export that names her, gives her full birth date, her hospital number (as an
// identifier and as the Patient's id, which the export's records refer to) and her telephone,
// plus a contact request with a name and a number. Everything a sponsor viewer can read over the
// API (every GET route the matrix opens to the role, for every subject), and the exports made
// for the sponsor (FHIR, SDTM; made by the data manager: a sponsor viewer may run none) carry
// none of it; the API shows the sponsor pseudonyms instead of screening numbers and no free
// text. The ODM archive carries no name or number, but keeps the birth date (see below). The same pages read by the site do show the screening number and the birth date,
// so the checks look where the data is.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { exportFhir } from '../../reports/fhir-export/index.ts';
import { exportOdm } from '../../reports/odm/index.ts';
import { exportSdtm } from '../../reports/sdtm/index.ts';
import { sign } from '../../store/access/index.ts';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { administerDose, enrol, recordAdverseEvent, siteDate, siteNoon } from '../../store/trial/index.ts';
import { eligibleBundle } from '../../store/trial/test-support.ts';
import { accessMatrix } from '../access/matrix.ts';
import { pseudonym } from '../views/pseudonym.ts';
import { apiTrial, type Login, password } from '../test-support.ts';

const patient = {
  family: 'Quxiaolan',
  given: 'Meixiu',
  chinese: '屈晓兰',
  hospitalNumber: 'ZY20260417',
  patientId: 'MRN8841207',
  phone: '+86 139 5512 7788',
};
const contact = { name: 'Wenjing Haoyue', phone: '+86 138 0551 4242' };
const freeText = 'FREE-TEXT-SEEN-ONLY-BY-THE-SITE';
const screeningNumber = 'SCR-7731';

/** The forms a full birth date could take in text. */
const dateForms = (iso: string) => {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return [iso, `${y}${m}${d}`, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${y}/${m}/${d}`];
};

describe('pseudonymisation for the sponsor', () => {
  let db: Db;
  let x: Awaited<ReturnType<typeof apiTrial>>;
  let birthDate: string;
  let subjectIds: string[];
  /** The subject screened from the hospital's export that names her. */
  let screenedId: string;
  const out = mkdtempSync(join(tmpdir(), 'firstdose-sponsor-'));
  before(async () => {
    db = await freshDb('pglite');
    x = await apiTrial(db);
    const today = siteDate(new Date());
    const d0 = addDays(today, -60);
    // The hospital's export: her Patient id is her hospital number, which every record refers to.
    const bundle = JSON.parse(eligibleBundle(d0).replaceAll('P000000', patient.patientId));
    const p = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient').resource;
    Object.assign(p, {
      name: [{ family: patient.family, given: [patient.given], text: patient.chinese }],
      identifier: [{ system: 'urn:oid:2.16.156.10011.1.12', value: patient.hospitalNumber }],
      telecom: [{ system: 'phone', value: patient.phone }],
    });
    birthDate = p.birthDate;
    const crc = await x.login('crc.li');
    const added = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber });
    assert.equal(added.statusCode, 201);
    const id = added.json().id;
    const screened = await x.call(crc, 'POST', `/api/subjects/${id}/screenings`, { bundle: JSON.stringify(bundle), fileName: 'export.json', asOf: d0 });
    assert.equal(screened.statusCode, 201, screened.body);
    await sign(db, { username: 'pi.zhang', password }, { table: 'screening_result', rowId: screened.json().screeningResult, meaning: 'eligibility-confirmed' });
    await enrol(db, x.crc, id, d0);
    await administerDose(db, x.crc, { subjectId: id, level: 1, startedAt: siteNoon(d0) });
    await recordAdverseEvent(db, { user: 'pi.zhang' }, { subjectId: id, term: 'Headache', grading: 'ctcae', onsetDate: addDays(d0, 2), grade: 1, relatedness: 'possible', action: freeText, outcome: freeText });
    // After the sentinel's wait: a second subject, so that the sponsor's lists hold more than one.
    await x.dosedSubject('SCR-8802', addDays(d0, 30));
    assert.equal((await x.call(null, 'POST', '/api/public/studies/hn2301/contact-requests', { ...contact, consent: true })).statusCode, 201);
    subjectIds = (await db.query<{ id: string }>('SELECT id FROM subject ORDER BY screening_number')).map((r) => r.id);
    screenedId = id;
  });
  after(async () => {
    await x.app.close();
    await db.close();
    rmSync(out, { recursive: true, force: true });
  });

  const identifying = () => [patient.family, patient.given, patient.chinese, patient.hospitalNumber, patient.patientId, patient.phone, contact.name, contact.phone, ...dateForms(birthDate)];
  const found = (text: string, needles: readonly string[]) => needles.filter((n) => text.includes(n));

  /** Every GET route a sponsor viewer may call, as concrete URLs over every subject. */
  function sponsorUrls(): string[] {
    const routes = Object.entries(accessMatrix)
      .filter(([key, a]) => key.startsWith('GET ') && (a.allow === 'session' || (Array.isArray(a.allow) && a.allow.includes('sponsor_viewer'))))
      .map(([key]) => key.slice(4));
    return routes.flatMap((r) => {
      const ids = r.includes(':id') ? subjectIds : [''];
      return ids.map((id) => r.replace(':study', 'hn2301').replace(':id', id) + (r === '/api/subjects' ? '?study=hn2301' : ''));
    });
  }

  it('shows a sponsor viewer, on every route it may read, no name, birth date, hospital number, telephone, screening number or free text', async () => {
    const sponsor: Login = await x.login('sponsor.liu');
    const urls = sponsorUrls();
    assert.ok(urls.length >= 8 && urls.some((u) => u.startsWith('/api/subjects/')), urls.join(' '));
    const leaks: string[] = [];
    for (const url of urls) {
      const r = await x.call(sponsor, 'GET', url);
      assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 200)}`);
      const text = JSON.stringify(r.json());
      for (const n of found(text, [...identifying(), screeningNumber, 'SCR-8802', freeText])) leaks.push(`${url}: ${n}`);
    }
    assert.deepEqual(leaks, []);
    const listed = (await x.call(sponsor, 'GET', '/api/subjects?study=hn2301')).json();
    assert.deepEqual(listed.map((s: { screeningNumber: string }) => s.screeningNumber).sort(), subjectIds.map(pseudonym).sort(), 'pseudonyms instead');
    assert.ok(listed.every((s: { pseudonymised: boolean }) => s.pseudonymised));
  });

  it('shows the site the same pages with the screening number, the birth date and the free text: the checks above look where the data is', async () => {
    const crc = await x.login('crc.li');
    const text = JSON.stringify((await x.call(crc, 'GET', `/api/subjects/${screenedId}`)).json());
    assert.ok(text.includes(screeningNumber) && text.includes(birthDate) && text.includes(freeText), 'the site sees its own record');
    const contacts = JSON.stringify((await x.call(crc, 'GET', '/api/studies/hn2301/contact-requests')).json());
    assert.ok(contacts.includes(contact.name));
  });

  it('exports for the sponsor (FHIR, SDTM) without name, full birth date, hospital number or telephone, nor the ODM archive any but the birth date', async () => {
    const actor = { user: 'dm.chen' };
    await exportFhir(db, { study: 'hn2301', out: join(out, 'fhir.json'), actor });
    await exportOdm(db, { study: 'hn2301', out: join(out, 'odm.xml'), actor });
    for (const format of ['csv', 'dataset-json'] as const) await exportSdtm(db, { study: 'hn2301', out: join(out, `sdtm-${format}`), format, asOf: siteDate(new Date()), actor });
    const files = readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(out, f)).isFile());
    assert.ok(files.length >= 6, files.join(' '));
    // The ODM file is the identified archive of every record and its audit trail (README): its
    // screening evaluations keep the birth date they were decided on. A de-identified export
    // mode is the open part of R-48 (docs/compliance.md); names and numbers are in none.
    const direct = identifying().filter((n) => !dateForms(birthDate).includes(n));
    const leaks = files.flatMap((f) => found(readFileSync(join(out, f), 'utf8'), f === 'odm.xml' ? direct : identifying()).map((n) => `${f}: ${n}`));
    assert.deepEqual(leaks, []);
    const fhir = readFileSync(join(out, 'fhir.json'), 'utf8');
    assert.match(fhir, new RegExp(`"birthDate":\\s*"${birthDate.slice(0, 4)}"`), 'the year of birth only');
    assert.match(fhir, /"code":\s*"PSEUDED"/);
  });

  it('refuses a sponsor viewer every export of its own (FHIR, ODM, SDTM)', async () => {
    const sponsor = { user: 'sponsor.liu' };
    await assert.rejects(exportFhir(db, { study: 'hn2301', out: join(out, 'refused.json'), actor: sponsor }), /export_not_permitted/);
    await assert.rejects(exportOdm(db, { study: 'hn2301', out: join(out, 'refused.xml'), actor: sponsor }), /export_not_permitted/);
    await assert.rejects(exportSdtm(db, { study: 'hn2301', out: join(out, 'refused'), format: 'csv', asOf: siteDate(new Date()), actor: sponsor }), /export_not_permitted/);
  });
});
