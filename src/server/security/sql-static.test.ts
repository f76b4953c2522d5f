// SQL injection, statically (OWASP Query Parameterization Cheat Sheet): every statement the
// product's source hands to the database (`.query`, `.queryArrays`, `.exec`, drizzle's
// `sql.raw`, `.unsafe`) must be constant text, with values passed as $1, $2, … parameters.
// Text is constant when it is a literal, a template or `+` of constants, a `const` bound to one,
// an element of a `const` table of them, or an identifier quoted by quoteIdent(). Anything else
// (a parameter, a value spliced into the text) fails this test unless it is listed below with
// the reason it cannot carry input; a listed exception that no longer occurs fails it too, so
// the list stays the true one. Drizzle's sql`…${value}` templates bind their values as
// parameters and need no check. Source is parsed with the parser Vite's bundler ships (oxc).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAst } from 'rolldown/parseAst';

interface Node {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

const src = new URL('../../', import.meta.url).pathname;
/** Code that runs only in tests is not the product's: it builds schemas and dumps tables freely. */
const testOnly = /\.test\.tsx?$|test-support|(^|\/)e2e\/|(^|\/)fuzz\//;
const sqlMethods = new Set(['query', 'queryArrays', 'exec', 'raw', 'unsafe']);

/**
 * Reviewed exceptions: file, the expression spliced or passed, and why no input reaches it.
 * Keep each reason true; a new entry needs the same review.
 */
const reviewed: readonly { file: string; expression: string; why: string; driver?: true }[] = [
  // The driver layer hands its caller's statement on; how it calls the client (and so whether
  // the scanner sees that call) is its own affair, so these entries may go unused.
  { file: 'store/pglite.ts', expression: 'text', why: 'the driver: passes the statement of its caller through, with its parameters', driver: true },
  { file: 'store/pglite-statements.ts', expression: 'text', why: 'the driver: prepares the statement of its caller, with its parameters', driver: true },
  { file: 'store/pglite.ts', expression: 'script', why: 'the driver: exec() runs migration scripts only (db.ts)' },
  { file: 'store/pglite.ts', expression: 'mode', why: 'transactionMode(): built from two constant clauses by boolean options' },
  { file: 'store/postgres.ts', expression: 'text', why: 'the driver: passes the statement of its caller through, with its parameters', driver: true },
  { file: 'store/postgres.ts', expression: 'script', why: 'the driver: exec() runs migration scripts only (db.ts)' },
  { file: 'store/postgres.ts', expression: 'mode', why: 'transactionMode(): built from two constant clauses by boolean options' },
  { file: 'store/postgres.ts', expression: 'schema', why: 'the schema of the DATABASE_URL\'s options or a test\'s generated name, set by the operator, never by a request' },
  { file: 'store/orm.ts', expression: 'text', why: 'drizzle\'s compiled statement: its values are bound as parameters', driver: true },
  { file: 'store/migrate.ts', expression: 'm.sql', why: 'the migration files shipped in src/store/migrations, checked by checksum' },
  { file: 'store/backup.ts', expression: 'query', why: 'eachBatch() is called with the backup\'s own constant SELECTs over the catalogue\'s table names (quoteIdent)' },
  { file: 'store/access/content.ts', expression: 'utc', why: 'jsonb_build_object over the catalogue\'s timestamptz column names, each quoted' },
  { file: 'store/trial/listings.ts', expression: 'column', why: 'a value of the constant subjectColumn map, looked up by own key' },
  { file: 'store/trial/listings.ts', expression: 'table', why: 'only reached when table is an own key of the constant subjectColumn map' },
  { file: 'store/restore.ts', expression: 'cols', why: 'the catalogue\'s column names of the table, each quoted with quoteIdent' },
  { file: 'cli/commands/conduct-records.ts', expression: "table.replace(/[^a-z_]/g, '')", why: 'stripped to [a-z_] and looked up by id as a parameter; an unknown table is an error, caught' },
];

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly expression: string;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const v of value) if (v && typeof v === 'object' && 'type' in v) out.push(v as Node);
    if (value && typeof value === 'object' && 'type' in value) out.push(value as Node);
  }
  return out;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of children(node)) walk(c, visit);
}

interface Module {
  readonly file: string;
  readonly text: string;
  readonly ast: Node;
  /** `const` initialisers by name. */
  readonly consts: Map<string, Node[]>;
  /** Names also bound as a parameter or variable: the scanner does not track scopes, so it never takes them for constants. */
  readonly rebound: Set<string>;
  /** Local name → the module and name it is imported from (relative imports only). */
  readonly imports: Map<string, { from: string; name: string }>;
}

function moduleOf(file: string, text: string): Module {
  const ast = parseAst(text, { lang: file.endsWith('x') ? 'tsx' : 'ts' }, file) as unknown as Node;
  const m: Module = { file, text, ast, consts: new Map(), rebound: new Set(), imports: new Map() };
  const bindings = (n: Node) => walk(n, (i) => i.type === 'Identifier' && m.rebound.add(i.name as string));
  walk(ast, (n) => {
    if (n.type === 'VariableDeclaration')
      for (const d of n.declarations as Node[]) {
        const id = d.id as Node;
        if (n.kind === 'const' && id.type === 'Identifier' && d.init) m.consts.set(id.name as string, [...(m.consts.get(id.name as string) ?? []), d.init as Node]);
        else bindings(id);
      }
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') for (const p of n.params as Node[]) bindings(p);
    if (n.type === 'CatchClause' && n.param) bindings(n.param as Node);
    const from = (n.source as Node | undefined)?.value;
    if (n.type === 'ImportDeclaration' && typeof from === 'string' && from.startsWith('.'))
      for (const spec of n.specifiers as Node[])
        if (spec.type === 'ImportSpecifier') m.imports.set((spec.local as Node).name as string, { from: join(dirname(file), from), name: (spec.imported as Node).name as string });
  });
  return m;
}

/**
 * The findings of one file's source. `load` gives the text of a module it imports from (a path
 * relative to src), so that a constant imported from another file counts as constant.
 */
export function scanSql(file: string, text: string, load: (file: string) => string | undefined = () => undefined): Finding[] {
  const modules = new Map<string, Module | null>();
  const open = (f: string): Module | null => {
    if (!modules.has(f)) {
      const t = load(f);
      modules.set(f, t === undefined ? null : moduleOf(f, t));
    }
    return modules.get(f)!;
  };
  const self = moduleOf(file, text);
  modules.set(file, self);
  const isRegex = (n: Node, m: Module): boolean => {
    if (n.type === 'Literal' && n.regex) return true;
    if (n.type === 'NewExpression' && (n.callee as Node).type === 'Identifier' && (n.callee as Node).name === 'RegExp') return true;
    if (n.type === 'Identifier') return (m.consts.get(n.name as string) ?? []).some((i) => isRegex(i, m));
    return false;
  };
  const visiting = new Set<Node>();
  /** Whether the name, in module m, is bound to constant text. */
  const constantName = (name: string, m: Module): boolean => {
    const inits = m.consts.get(name);
    if (inits) return !m.rebound.has(name) && inits.every((i) => dynamic(i, m).length === 0);
    const imported = m.imports.get(name);
    const target = imported && open(imported.from);
    return !!target && !m.rebound.has(name) && constantName(imported.name, target);
  };
  /** The arrow function with an expression body that a never-rebound const name holds, if it does. */
  const templateFunction = (name: string, m: Module): Node | null => {
    const inits = m.consts.get(name);
    const f = inits?.length === 1 ? inits[0]! : undefined;
    return f?.type === 'ArrowFunctionExpression' && f.expression ? f : null;
  };
  /** The parts of an expression that are not constant text (empty: constant). */
  const dynamic = (n: Node, m: Module): Node[] => {
    if (visiting.has(n)) return [];
    visiting.add(n);
    try {
      switch (n.type) {
        case 'Literal':
          return [];
        case 'TemplateLiteral':
          return (n.expressions as Node[]).flatMap((e) => dynamic(e, m));
        case 'BinaryExpression':
          return n.operator === '+' ? [...dynamic(n.left as Node, m), ...dynamic(n.right as Node, m)] : [n];
        case 'ConditionalExpression':
          // The condition picks between constants; it is not part of the text.
          return [...dynamic(n.consequent as Node, m), ...dynamic(n.alternate as Node, m)];
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
        case 'ParenthesizedExpression':
          return dynamic(n.expression as Node, m);
        case 'ArrayExpression':
          return (n.elements as Node[]).flatMap((e) => (e ? dynamic(e, m) : []));
        case 'ObjectExpression':
          return (n.properties as Node[]).flatMap((p) => (p.type === 'Property' ? dynamic(p.value as Node, m) : [p]));
        case 'Identifier':
          return constantName(n.name as string, m) ? [] : [n];
        case 'MemberExpression':
          // An element of a constant table, whatever the key.
          return (n.object as Node).type === 'Identifier' && dynamic(n.object as Node, m).length === 0 ? [] : [n];
        case 'CallExpression': {
          const callee = n.callee as Node;
          if (callee.type === 'Identifier' && callee.name === 'quoteIdent') return [];
          // A template function (`const f = (column) => `…${column}…``) of constant arguments.
          const fn = callee.type === 'Identifier' ? templateFunction(callee.name as string, m) : null;
          if (fn) {
            // Constant when its text is constant but for its parameters, and each parameter spliced
            // in raw (not through quoteIdent) gets a constant argument.
            const params = (fn.params as Node[]).map((p) => (p.type === 'Identifier' ? (p.name as string) : ''));
            const parts = dynamic(fn.body as Node, m);
            const raw = parts.filter((d) => d.type === 'Identifier' && params.includes(d.name as string)).map((d) => params.indexOf(d.name as string));
            const constant = parts.length === raw.length && raw.every((i) => (n.arguments as Node[])[i] !== undefined && dynamic((n.arguments as Node[])[i]!, m).length === 0);
            return constant ? [] : [n];
          }
          const method = callee.type === 'MemberExpression' ? ((callee.property as Node).name as string) : '';
          const args = n.arguments as Node[];
          // `.map(quoteIdent)`: every element quoted as an identifier, whatever the names are.
          if (method === 'map' && args.length === 1 && args[0]!.type === 'Identifier' && args[0]!.name === 'quoteIdent') return [];
          // `[…constants].join(', ')` stays constant.
          if (method === 'join') return [...dynamic(callee.object as Node, m), ...args.flatMap((a) => dynamic(a, m))];
          return [n];
        }
        default:
          return [n];
      }
    } finally {
      visiting.delete(n);
    }
  };
  /** The SQL text argument of a call: the first, or the `text` of pg's config object. */
  const statementOf = (call: Node): Node | undefined => {
    const first = (call.arguments as Node[])[0];
    if (first?.type !== 'ObjectExpression') return first;
    const text = (first.properties as Node[]).find((p) => p.type === 'Property' && ((p.key as Node).name === 'text' || (p.key as Node).value === 'text'));
    return (text?.value as Node | undefined) ?? first;
  };
  const findings: Finding[] = [];
  walk(self.ast, (n) => {
    if (n.type !== 'CallExpression') return;
    const callee = n.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || !sqlMethods.has((callee.property as Node).name as string)) return;
    if ((callee.property as Node).name === 'exec' && isRegex(callee.object as Node, self)) return;
    const statement = statementOf(n);
    if (!statement) return;
    for (const part of dynamic(statement, self)) findings.push({ file, line: text.slice(0, part.start).split('\n').length, expression: text.slice(part.start, part.end) });
  });
  return findings;
}

describe('SQL built only from constant text (static check)', () => {
  it('finds no statement built from input anywhere in the product\'s source, beyond the reviewed exceptions', () => {
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => /\.tsx?$/.test(f) && !testOnly.test(f));
    assert.ok(files.length > 300, `${files.length} source files`);
    const load = (f: string) => {
      try {
        return readFileSync(join(src, f), 'utf8');
      } catch {
        return undefined;
      }
    };
    const findings = files.flatMap((f) => {
      const text = readFileSync(join(src, f), 'utf8');
      return /\.(query|queryArrays|exec|raw|unsafe)\s*[<(]/.test(text) ? scanSql(f, text, load) : [];
    });
    const isReviewed = (f: Finding) => reviewed.some((r) => r.file === f.file && r.expression === f.expression);
    assert.deepEqual(
      findings.filter((f) => !isReviewed(f)).map((f) => `${f.file}:${f.line}: ${f.expression}`),
      [],
      'SQL text built from something that is not constant: pass the value as a parameter ($n), or quote an identifier with quoteIdent',
    );
    const stale = reviewed.filter((r) => !r.driver && !findings.some((f) => f.file === r.file && f.expression === r.expression));
    assert.deepEqual(stale, [], 'reviewed exceptions that no longer occur: remove them');
  });

  it('catches concatenation, spliced values and sql.raw of input, and passes constants, parameters and quoted identifiers', () => {
    // Source code as data: written as templates with \${ so that nothing in them is interpolated.
    const cases: [code: string, found: string[]][] = [
      ["db.query('SELECT * FROM subject WHERE id = ' + id)", ['id']],
      [`db.query(\`SELECT * FROM subject WHERE screening_number = '\${number}'\`)`, ['number']],
      [`const q = \`DELETE FROM t WHERE x = \${input.x}\`; await tx.query(q);`, ['q']],
      ['db.execute(sql.raw(request.body.where))', ['request.body.where']],
      ['function f(where: string) { return db.exec(where); }', ['where']],
      [`const cols = ['a', 'b']; db.query(\`SELECT \${cols.join(', ')} FROM t WHERE id = $1\`, [id])`, []],
      [`const table = 'subject'; const q = \`SELECT 1 FROM \${table}\`; db.query(q + ' LIMIT 1', [x])`, []],
      [`db.query(\`SELECT 1 FROM \${quoteIdent(name)} WHERE id = $1\`, [id])`, []],
      [`db.exec(\`VACUUM \${[...tables, x].map(quoteIdent).join(', ')}\`); db.exec(\`VACUUM \${tables.join(', ')}\`)`, ['tables']],
      [`const at = (c: string) => \`to_char(\${c})\`; db.query(\`SELECT \${at('x')} FROM t\`); db.query(\`SELECT \${at(input)}\`)`, ['at(input)']],
      // A parameter used only quoted, and a regular expression's exec, which is not SQL.
      [`const from = (t: string) => \`SELECT 1 FROM \${quoteIdent(t)}\`; db.query(from(input));`, []],
      ['const re = /a(b)/; re.exec(text); /x/.exec(y);', []],
    ];
    for (const [code, expected] of cases) assert.deepEqual(scanSql('x.ts', code).map((f) => f.expression), expected, code);
  });
});
