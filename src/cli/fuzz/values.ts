// The values the CLI fuzzer gives each argument and option, by name: good ones that name records
// of the fuzz trial (so that commands get past their first lookup), bad ones of every kind, and
// input files of every sort a user could hand in: JSON that is no FHIR, FHIR bundles with
// references to nowhere, deep nesting, huge files, UTF-16, Latin-1 and broken UTF-8, CSV lab files
// with bad rows. An argument or option without an entry here fails the test: a new option is
// fuzzed from the day it is added.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { grownBundle, hostileBundle } from '../../fuzz/bundles.ts';
import { deepArray, edgeStrings, hostileValue, jsonText } from '../../fuzz/hostile.ts';
import { mutatedArbitrary } from '../../fuzz/mutate.ts';
import { unstorableCharacter } from '../../domain/storable.ts';
import type { CliTrial } from './fixture.ts';

/** A file the fuzzer writes before the run; a path it makes up (missing, fresh, a directory, the trial's data). */
export type ArgValue =
  | string
  | { readonly kind: 'file'; readonly content: string | Buffer; readonly ext: string }
  | { readonly kind: 'dir'; readonly files: Readonly<Record<string, string | Buffer>> }
  | { readonly kind: 'path'; readonly what: 'missing' | 'fresh' | 'fresh-dir' | 'existing-dir' | 'data'; readonly ext?: string };

/** Command-line text as a shell can pass it: no NUL, no half surrogate pairs (argv is bytes, decoded as UTF-8). */
const argText = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...edgeStrings) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
    { weight: 1, arbitrary: fc.constantFrom('-1', '--', '-x', '--data', '-', '1e309', 'x'.repeat(10_000)) },
  )
  .filter((s) => s !== '-' && unstorableCharacter(s) === null);

const mix = (good: readonly string[], weight = 3): fc.Arbitrary<ArgValue> => fc.oneof({ weight, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: argText });

const file = (content: fc.Arbitrary<string | Buffer>, ext = '.json'): fc.Arbitrary<ArgValue> => content.map((c) => ({ kind: 'file', content: c, ext }) as const);
const path = (what: 'missing' | 'fresh' | 'fresh-dir' | 'existing-dir' | 'data', ext?: string): ArgValue => ({ kind: 'path', what, ...(ext ? { ext } : {}) });

/** The same text in the encodings a hospital system might write, and broken ones. */
function encodings(text: fc.Arbitrary<string>): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    { weight: 8, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text, fc.constantFrom('utf16le-bom', 'utf16le', 'latin1', 'utf8-bom', 'broken-utf8'))
        .map(([t, e]) =>
          e === 'utf16le-bom'
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])
            : e === 'utf16le'
              ? Buffer.from(t, 'utf16le')
              : e === 'latin1'
                ? Buffer.from(t.replace(/u/g, 'µ'), 'latin1')
                : e === 'utf8-bom'
                  ? `\uFEFF${t}`
                  : Buffer.concat([Buffer.from(t.slice(0, 20)), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff]), Buffer.from(t.slice(20))]),
        ),
    },
  );
}

/** JSON input: a good example, mutated at any depth, hostile as a whole, deep, or no JSON at all. */
function jsonInput(examples: readonly unknown[]): fc.Arbitrary<string | Buffer> {
  const good = fc.constantFrom(...examples);
  return encodings(
    fc.oneof(
      { weight: 3, arbitrary: good.map(jsonText) },
      { weight: 6, arbitrary: mutatedArbitrary(good).map(jsonText) },
      { weight: 1, arbitrary: hostileValue.map(jsonText) },
      { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":1,}', 'null', '[]', '"text"', 'NaN', jsonText(deepArray(100_000)), `{"items":${jsonText(deepArray(20_000))}}`) },
    ),
  );
}

const scoreExamples: Readonly<Record<string, readonly unknown[]>> = {
  sledai2k: [{ items: ['arthritis', 'rash', 'low-complement'] }, { items: [] }],
  'eular-acr-2019': [{ ana: 'positive', criteria: ['fever', 'joint-involvement', 'low-c3-and-low-c4'] }],
  crcl: [{ age: 60, sex: 'female', weightKg: 50, creatinine: { value: 106, unit: 'µmol/L' } }, { age: 40, sex: 'male', weightKg: 80, heightCm: 180, weight: 'ideal', creatinine: { value: 1.1, unit: 'mg/dL' } }],
  'prednisone-equivalent': [{ drug: 'methylprednisolone', dose: { value: 4, unit: 'mg' }, timesPerDay: 2 }],
  ctcae: [{ term: 'neutrophil-count-decreased', value: { value: 0.8, unit: '10*9/L' } }, { term: 'alanine-aminotransferase-increased', value: { value: 200, unit: 'U/L' }, uln: 40, baseline: 50 }],
  crs: [{ feverC: 38.5, hypotension: 'fluids', oxygen: 'low-flow' }],
  icans: [{ ice: 6, consciousness: 'voice', seizure: 'none' }],
  sri4: [{ baseline: { sledai2k: 10, pga: 1.5, bilag: { renal: 'A' } }, followup: { sledai2k: 4, pga: 1.4, bilag: { renal: 'C' } } }],
  lldas: [{ sledai2k: { items: ['rash'] }, newFeatures: false, pga: 0.8, prednisoneMgPerDay: 5, immunosuppressantsStandardDose: true }],
  doris: [{ sledai2k: { items: [] }, pga: 0.3, glucocorticoids: [{ drug: 'prednisone', dose: { value: 5, unit: 'mg' } }] }],
};

/** A lab file: the header and rows of the fuzz trial's subjects, with cells, rows and the header broken. */
function labCsv(today: string): fc.Arbitrary<string | Buffer> {
  const header = 'subject,code,value,unit,observed_at,ref_low,ref_high';
  const good = ['001', 'anc', '1.2', '10*9/L', `${today}T08:30:00+08:00`, '1.8', '6.3'];
  const badCell = fc.oneof(fc.constantFrom(...edgeStrings), fc.constantFrom('"', '"a""b"', '"x,y"', 'a"b', '\u0000', '1,5', '-0', '1e400', '001', 'B01', 'mg%'));
  const row = fc
    .tuple(fc.array(fc.nat(6), { maxLength: 3 }), fc.array(badCell, { minLength: 3, maxLength: 3 }), fc.constantFrom(0, 0, 0, -1, 1))
    .map(([at, bad, arity]) => {
      const cells = [...good];
      at.forEach((i, k) => {
        cells[i] = bad[k]!;
      });
      return (arity < 0 ? cells.slice(0, 4) : arity > 0 ? [...cells, 'extra'] : cells).join(',');
    });
  const headers = fc.constantFrom(header, header, header, 'SUBJECT,Code,Value,Unit,Observed_At', 'subject,code,value,unit', 'subject;code;value;unit;observed_at', '', `\uFEFF${header}`, `${header},subject`);
  return encodings(
    fc.oneof(
      fc.tuple(headers, fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r')).map(([h, rows, eol]) => [h, ...rows].join(eol)),
      fc.constant([header, ...Array.from({ length: 20_000 }, () => good.map((c, i) => (i === 0 ? 'nobody' : c)).join(','))].join('\n')),
      fc.constant(`${header}\n"001,anc,1.2`),
    ),
  );
}

/** Files of a FHIR Bulk Data export directory: good lines, hostile lines, wrong names. */
function exportDir(bundle: string): fc.Arbitrary<ArgValue> {
  const entries = ((JSON.parse(bundle) as { entry: { resource: { resourceType: string } }[] }).entry ?? []).map((e) => e.resource);
  const ofType = (type: string) => entries.filter((r) => r.resourceType === type).map((r) => JSON.stringify(r));
  const line = (type: string) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ofType(type), '{}') }, { weight: 1, arbitrary: hostileValue.map(jsonText) }, { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '\u0000', jsonText(deepArray(50_000))) });
  const ndjson = (type: string) => fc.array(line(type), { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));
  return fc
    .record({ Patient: ndjson('Patient'), Observation: ndjson('Observation'), Condition: ndjson('Condition'), MedicationStatement: ndjson('MedicationStatement'), encoded: fc.boolean() })
    .map((d) => ({
      kind: 'dir',
      files: {
        'Patient.ndjson': d.Patient,
        'Observation.ndjson': d.encoded ? Buffer.from(d.Observation, 'utf16le') : d.Observation,
        '1.Condition.ndjson': d.Condition,
        'MedicationStatement.ndjson': d.MedicationStatement,
        'notes.txt': 'not an export file',
      },
    }));
}

const xptBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from(`HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ${' '.repeat(400)}`),
    Buffer.from('HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!'),
    Buffer.alloc(80 * 20, 0x20),
  ),
);

const datasetJson = {
  datasetJSONCreationDateTime: '2026-01-15T10:00:00',
  datasetJSONVersion: '1.1.0',
  itemGroupOID: 'IG.DM',
  name: 'DM',
  label: 'Demographics',
  records: 1,
  columns: [
    { itemOID: 'IT.DM.STUDYID', name: 'STUDYID', label: 'Study Identifier', dataType: 'string', length: 8 },
    { itemOID: 'IT.DM.AGE', name: 'AGE', label: 'Age', dataType: 'integer' },
  ],
  rows: [['HN2301', 41]],
};

/** Values by argument name (or `command path:name` where one name means different things). */
export function argumentValues(t: CliTrial): Readonly<Record<string, fc.Arbitrary<ArgValue>>> {
  const ids = [t.ids.subject, t.ids.observation, t.ids.proposed, t.ids.adverseEvent, t.ids.query, t.ids.subjectB, randomUUID(), 'not-a-uuid'];
  const bundle = encodings(fc.oneof({ weight: 2, arbitrary: fc.constant(t.bundle) }, { weight: 6, arbitrary: hostileBundle(t.bundle).map(jsonText) }, { weight: 1, arbitrary: fc.constant(JSON.stringify(grownBundle(JSON.parse(t.bundle), 150))) }));
  const bundleFile = fc.oneof({ weight: 8, arbitrary: file(bundle) }, { weight: 1, arbitrary: fc.constantFrom(path('missing'), path('existing-dir')) });
  const scores = Object.fromEntries(Object.entries(scoreExamples).map(([name, examples]) => [`score ${name}:file`, fc.oneof({ weight: 8, arbitrary: file(jsonInput(examples)) }, { weight: 1, arbitrary: fc.constant(path('missing')) })]));
  return {
    ...scores,
    'screen:file': bundleFile,
    'subject screen:bundle': bundleFile,
    'backup:file': fc.constantFrom(path('fresh', '.backup'), path('missing'), path('existing-dir')),
    'restore:file': fc.oneof(file(jsonInput([{ format: 'firstdose-backup' }]), '.backup'), fc.constant(path('missing'))),
    'ae add:file': file(jsonInput([{ term: 'Nausea', grading: 'ctcae', onsetDate: t.today, grade: 1, relatedness: 'unlikely' }, { term: 'CRS', grading: 'astct-crs', onsetDate: t.today, basis: { findings: { syndrome: 'crs', findings: { feverC: 39, hypotension: 'none', oxygen: 'none' } } }, relatedness: 'related' }])),
    'assessment add:file': file(jsonInput([{ pga: 1.2 }, { sledai2k: { items: ['arthritis'] }, pga: 0.5, bilag: { renal: 'B' }, prednisoneMgPerDay: 7.5 }])),
    'proposal import:file': fc.oneof({ weight: 8, arbitrary: file(labCsv(t.today), '.csv') }, { weight: 1, arbitrary: fc.constant(path('missing')) }),
    designs: mix(['3+3', 'boin', '3+3/b', 'crm', 'BOIN', '3+3/z']),
    dir: fc.oneof({ weight: 6, arbitrary: exportDir(t.bundle) }, { weight: 1, arbitrary: fc.constantFrom(path('missing'), path('fresh-dir'), path('data')) }),
    username: mix(['spare.one', 'pi.zhang', 'crc.li', 'admin', 'new.user']),
    role: mix(['monitor', 'coordinator', 'administrator', 'sponsor_viewer']),
    number: mix(['001', '010', 'B01', '999']),
    status: mix(['withdrawn', 'screen_failed', 'completed', 'dead', 'follow_up']),
    cohort: mix(['1', '2', '0', '1.5']),
    id: mix(ids, 4),
    dlt: mix(['yes', 'no', 'YES']),
    table: mix(['observation', 'adverse_event', 'subject', 'screening_result', 'data_query', 'app_user', 'user_credential', 'audit_log', 'pg_class', 'observation; drop table subject']),
    visit: mix(['d1', 'd7', 'm12', 'screening']),
    'in.json': fc.oneof(file(jsonInput([datasetJson])), fc.constant(path('missing'))),
    'out.xpt': fc.constantFrom(path('fresh', '.xpt'), path('missing', '.xpt'), path('existing-dir')),
    'in.xpt': fc.oneof(file(xptBytes, '.xpt'), fc.constant(path('missing'))),
  };
}

const probabilities = ['0.3', '0.25', '0', '1', '-0.1', 'abc', '0.3,0.4', ' 0.3 '];
const counts = (k: string[]) => [...k, '0', '-1', '1.5', 'x', '', '1,,2'];

/** Values by option (long flag); flags without a value need none. */
export function optionValues(t: CliTrial): Readonly<Record<string, fc.Arbitrary<ArgValue> | null>> {
  const dates = [t.today, '2026-01-15', '2026-02-30', '2026-13-01', '20260115', 'today', '0000-01-01', '+002026-01-15'];
  return {
    '--json': null,
    '--explain': null,
    '--extrasafe': null,
    '--bound-mtd': null,
    '--exact': null,
    '--all': null,
    '--help': null,
    '--design': mix(['3+3', 'boin', 'crm', 'BOIN', 'mtpi']),
    '--target': mix(probabilities),
    '--cohort-size': mix(counts(['1', '3'])),
    '--cohorts': mix(counts(['2', '5', '10'])),
    '--doses': mix(counts(['3', '5'])),
    '--cutoff-eli': mix(probabilities),
    '--p-saf': mix(probabilities),
    '--p-tox': mix(probabilities),
    '--offset': mix(probabilities),
    '--n-earlystop': mix(counts(['6', '12'])),
    '--start-dose': mix(counts(['1', '2', '9'])),
    '--variant': mix(['a', 'b', 'c', 'd']),
    '--skeleton': mix(['0.1,0.2,0.3', '0.3,0.2', '0.1', '0.1,x', '1,2']),
    '--model': mix(['empiric', 'logistic', 'probit']),
    '--method': mix(['bayes', 'mle', 'ml']),
    '--prior-var': mix(['1.34', '0', '-1', 'x']),
    '--intercept': mix(['3', '0', 'x']),
    '--safety-stop': mix(['0.9', 'off', '1.1', 'x']),
    '--n': mix(['3,3,0', '3', '0,0,0', '3,-3', 'x']),
    '--y': mix(['0,1,0', '0', '4,0,0', 'x']),
    '--current': mix(['1', '2', '0', '9']),
    '--pending': mix(['0,0,0', '1', 'x']),
    '--truth': mix(['0.1,0.3,0.5', '0.05,0.1', '0.1', '1,0', 'x']),
    // Bounded: a simulation's cost grows with its trials (the command's own limit is ten million).
    '--trials': mix(['100', '200', '0', '-5', '1e9', 'x']),
    '--seed': mix(['1', '0', '-1', '1.5']),
    '--rng': mix(['fast', 'r', 'slow']),
    '--plot': fc.constantFrom(path('fresh', '.svg'), path('missing', '.svg'), path('existing-dir')),
    '--protocol': fc.oneof(mix(['hn2301', 'nope', 'protocols/hn2301.yaml']), file(encodings(fc.constantFrom('id: x\n', 'a: [', '{}', ': :', `${'- '.repeat(5000)}x`)), '.yaml')),
    '--as-of': mix(dates),
    '--date': mix(dates),
    '--code-tables': fc.oneof(file(encodings(fc.constantFrom('{}', 'tables: [', 'observations:\n  - code: 1', '[]')), '.yaml'), fc.constant(path('missing'))),
    '--out': fc.constantFrom(path('fresh', '.csv'), path('fresh', '.json'), path('fresh', '.pdf'), path('fresh', '.ndjson'), path('fresh-dir'), path('missing', '.pdf'), path('existing-dir'), path('fresh', '.txt')),
    '--top': mix(counts(['1', '10'])),
    // Bounded like --trials: the command allows ten million patients.
    '--patients': mix(['1', '2', '0', 'x']),
    '--bundle': mix(['sle', 'other', 'cancer']),
    '--data': fc.oneof({ weight: 12, arbitrary: fc.constant(path('data')) }, { weight: 1, arbitrary: fc.constantFrom(path('missing'), path('existing-dir')) }),
    // These make a database where there is none (the demo loads a whole trial): only the trial's.
    'init:--data': fc.constant(path('data')),
    'demo:--data': fc.constant(path('data')),
    'study register:--data': fc.constant(path('data')),
    '--as': mix(['crc.li', 'pi.zhang', 'src.zhou', 'cra.wang', 'admin', 'nobody'], 5),
    '--reason': mix(['checked with the source', 'typo']),
    '--name': mix(['Li Na', '李娜']),
    '--site': mix(['ustc-fah', 'ustc-fah-2', 'nowhere']),
    '--study': mix(['hn2301', 'nope']),
    '--level': mix(['1', '2', '3', '0']),
    '--at': mix([new Date().toISOString(), `${t.today}T09:00:00+08:00`, '2026-02-30T09:00:00Z', 'now']),
    '--next': mix(['1', '2', 'stop', '0']),
    '--override-reason': mix(['committee decided']),
    '--meaning': mix(['authored', 'reviewed', 'eligibility-confirmed', 'signature-attestation', 'approved']),
    '--source': mix(['chart p. 3']),
    '--kind': mix(['lab', 'vital', 'pga', 'crs-findings', 'x']),
    '--code': mix(['anc', 'weight', 'crp']),
    '--value': mix(['2.1', '60', '-0', '1e400', 'NaN', '']),
    '--unit': mix(['10*9/L', 'kg', 'mg%', 'µmol/L']),
    '--ref-low': mix(['1.8', 'x', '1e400']),
    '--ref-high': mix(['6.3', '-1', 'Infinity']),
    '--findings': fc.oneof(file(jsonInput([{ feverC: 38.5, hypotension: 'none', oxygen: 'none' }, { ice: 8, consciousness: 'awake' }])), fc.constant(path('missing'))),
    '--visit': mix(['d1', 'm2', 'm12', 'x']),
    '--text': mix(['please check the unit']),
    '--field': mix(['valueNum', 'unit']),
    '--svg-dir': fc.constantFrom(path('fresh-dir'), path('missing'), path('existing-dir')),
    '--encoding': mix(['utf-8', 'latin1', 'gbk', 'ebcdic']),
    '--define': fc.oneof(file(encodings(fc.constantFrom('<ODM/>', '<', '<?xml version="1.0"?><ODM><Study/></ODM>', '')), '.xml'), fc.constant(path('missing'))),
    '--dataset': mix(['DM', 'AE', 'dm']),
    '--format': mix(['xpt', 'json', 'csv']),
  };
}
