// The protocol loader: by id, by path, at a version; every issue names the file and the field.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { listProtocols, loadProtocol, protocolsDir } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'firstdose-protocols-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const hn2301 = readFileSync(join(protocolsDir, 'hn2301.yaml'), 'utf8');

describe('loadProtocol', () => {
  it('loads the repository protocols by id, whatever the working directory', () => {
    const r = loadProtocol('hn2301');
    assert.ok(r.ok);
    assert.equal(r.value.identity.registryId, 'NCT06801119');
    assert.ok(loadProtocol('example-with-exclusions').ok);
  });

  it('an unknown id names the files it looked for', () => {
    const r = loadProtocol('nope', { dir });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'protocol_not_found');
    assert.match(String(r.issues[0]?.params.file), /nope\.yaml/);
  });

  it('a superseded version is loaded from <id>@<version>.yaml; the current one from <id>.yaml', () => {
    writeFileSync(join(dir, 'hn2301.yaml'), hn2301.replace("version: '1'", "version: '2'\nsupersedes: '1'"));
    writeFileSync(join(dir, 'hn2301@1.yaml'), hn2301);
    const current = loadProtocol('hn2301', { dir });
    assert.ok(current.ok);
    assert.equal(current.value.version, '2');
    const v1 = loadProtocol('hn2301', { dir, version: '1' });
    assert.ok(v1.ok);
    assert.equal(v1.value.version, '1');
    const v2 = loadProtocol('hn2301', { dir, version: '2' });
    assert.ok(v2.ok);
    const v3 = loadProtocol('hn2301', { dir, version: '3' });
    assert.ok(!v3.ok);
    assert.deepEqual([v3.issues[0]?.code, v3.issues[0]?.path.slice(1)], ['protocol_version_not_found', ['version']]);
  });

  it('schema issues name the file and the field', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, hn2301.replace('id: hn2301', 'id: broken').replace("  windowDays: 28\n\n# Schedule", "  windowDays: -3\n\n# Schedule"));
    const r = loadProtocol(file);
    assert.ok(!r.ok);
    assert.deepEqual(r.issues.map((i) => [i.code, i.path.slice(1).join('.')]), [['too_small', 'screening.windowDays']]);
    assert.match(String(r.issues[0]?.path[0]), /broken\.yaml$/);
    assert.match(String(r.issues[0]?.params.file), /broken\.yaml$/);
  });

  it('YAML syntax errors give line and column; a JSON file is read as JSON', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\ncriteria: [\n');
    const r = loadProtocol('bad', { dir });
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'invalid_yaml');
    assert.equal(typeof r.issues[0]?.params.line, 'number');
    writeFileSync(join(dir, 'bad-json.json'), '{"id": ');
    const j = loadProtocol('bad-json', { dir });
    assert.ok(!j.ok);
    assert.equal(j.issues[0]?.code, 'invalid_json');
  });

  it('a file loaded by id must hold that id', () => {
    writeFileSync(join(dir, 'other.yaml'), hn2301);
    const r = loadProtocol('other', { dir });
    assert.ok(!r.ok);
    assert.deepEqual([r.issues[0]?.code, r.issues[0]?.params.expected], ['protocol_id_mismatch', 'other']);
  });
});

describe('listProtocols', () => {
  it('lists the repository protocols, each validated', () => {
    const r = listProtocols();
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    assert.deepEqual(r.value.map((p) => [p.id, p.version]), [['example-with-exclusions', '0.1-example'], ['hn2301', '1']]);
  });

  it('fails with the issues of every invalid file in a folder', () => {
    const r = listProtocols({ dir });
    assert.ok(!r.ok);
    assert.ok(r.issues.some((i) => String(i.path[0]).endsWith('bad.yaml')));
  });
});
