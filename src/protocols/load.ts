// Loads protocol files (protocols/<id>.yaml|yml|json) and validates them with the domain's schema.
// This adapter does I/O; the domain only ever sees a validated Protocol. Every issue names the file
// (first element of its path, and `params.file`) and the field inside it.
// Versions: protocols/<id>.yaml is the version in force; a superseded version is kept beside it as
// protocols/<id>@<version>.yaml. `{ version }` loads that exact version, whichever file holds it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { Protocol } from '../domain/protocol/index.ts';
import { fail, type Issue, issue, ok, type Result } from '../domain/result.ts';
import { parseInput } from '../domain/validation.ts';

/** The repository's protocols/ folder, found from this file rather than the working directory. */
export const protocolsDir: string = fileURLToPath(new URL('../../protocols/', import.meta.url));

const extensions = ['.yaml', '.yml', '.json'] as const;

export interface LoadOptions {
  /** Load this version exactly; without it, the version in force (`<id>.yaml`). */
  readonly version?: string;
  /** Another protocols folder (tests, a site's own protocols). */
  readonly dir?: string;
}

export interface ProtocolEntry {
  readonly id: string;
  readonly version: string;
  readonly effectiveDate: string;
  readonly registryId: string;
  readonly title: Protocol['identity']['title'];
  readonly file: string;
}

const looksLikePath = (s: string) => s.includes('/') || s.includes('\\') || extensions.some((e) => s.endsWith(e));

const display = (file: string) => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
};

function withFile(file: string, issues: readonly Issue[]): Issue[] {
  const name = display(file);
  return issues.map((i) => ({ ...i, path: [name, ...i.path], params: { ...i.params, file: name } }));
}

function readData(file: string): Result<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(issue([], 'unreadable', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  if (extname(file) === '.json') {
    try {
      return ok(JSON.parse(text));
    } catch (e) {
      return fail(issue([], 'invalid_json', { detail: (e as Error).message }));
    }
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    return fail(...doc.errors.map((e) => issue([], 'invalid_yaml', { line: e.linePos?.[0]?.line ?? 0, column: e.linePos?.[0]?.col ?? 0, detail: e.code })));
  return ok(doc.toJS());
}

/** Reads and validates one protocol file. */
export function loadProtocolFile(file: string): Result<Protocol> {
  const data = readData(file);
  if (!data.ok) return fail(...withFile(file, data.issues));
  const parsed = parseInput(Protocol, data.value);
  return parsed.ok ? parsed : fail(...withFile(file, parsed.issues));
}

function findFile(dir: string, stem: string): string | undefined {
  return extensions.map((e) => join(dir, `${stem}${e}`)).find((f) => existsSync(f));
}

/**
 * A protocol by id (`hn2301` → protocols/hn2301.yaml) or by file path, optionally at one version.
 * Loaded by id, the file's `id` must match its name.
 */
export function loadProtocol(idOrPath: string, options: LoadOptions = {}): Result<Protocol> {
  const dir = options.dir ?? protocolsDir;
  const byPath = looksLikePath(idOrPath);
  const id = byPath ? basename(idOrPath, extname(idOrPath)).split('@')[0]! : idOrPath;
  const file = byPath
    ? resolve(idOrPath)
    : ((options.version === undefined ? undefined : findFile(dir, `${id}@${options.version}`)) ?? findFile(dir, id));
  if (file === undefined || !existsSync(file)) {
    const tried = byPath ? [display(resolve(idOrPath))] : extensions.map((e) => display(join(dir, `${id}${e}`)));
    return fail(issue([], 'protocol_not_found', { id, file: tried.join(', ') }));
  }
  const loaded = loadProtocolFile(file);
  if (!loaded.ok) return loaded;
  const p = loaded.value;
  const problems: Issue[] = [];
  if (!byPath && p.id !== id) problems.push(issue(['id'], 'protocol_id_mismatch', { value: p.id, expected: id }));
  if (options.version !== undefined && p.version !== options.version)
    problems.push(issue(['version'], 'protocol_version_not_found', { id, value: options.version, found: p.version }));
  return problems.length > 0 ? fail(...withFile(file, problems)) : loaded;
}

/** Every protocol file in the folder, validated; fails with every issue of every invalid file. */
export function listProtocols(options: { readonly dir?: string } = {}): Result<readonly ProtocolEntry[]> {
  const dir = options.dir ?? protocolsDir;
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => (extensions as readonly string[]).includes(extname(f)))
        .sort()
    : [];
  const entries: ProtocolEntry[] = [];
  const issues: Issue[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const r = loadProtocolFile(file);
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    const p = r.value;
    entries.push({ id: p.id, version: p.version, effectiveDate: p.effectiveDate, registryId: p.identity.registryId, title: p.identity.title, file: display(file) });
  }
  return issues.length > 0 ? fail(...issues) : ok(entries);
}
