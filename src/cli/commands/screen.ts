// `firstdose screen FILE.json`: one patient's FHIR R4 bundle against a protocol's criteria, as a
// readable checklist or, with --json, the contract shape of issue #4.
import type { Command } from 'commander';
import type { CriterionResult, Missing, Reason, ScreeningResult } from '../../domain/eligibility/index.ts';
import { evaluateProtocol } from '../../domain/eligibility/index.ts';
import type { Protocol } from '../../domain/protocol/index.ts';
import { bundleToRecord, type CodeTables, defaultCodeTables, loadCodeTables } from '../../fhir/index.ts';
import { type Language, type Translate, translator } from '../../i18n/index.ts';
import { CliError } from '../cli-error.ts';
import { asOfOption, protocolOption } from '../dates-and-protocols.ts';
import { type Output, parseJsonObject, readInputText } from '../io.ts';

function phrase(t: Translate, prefix: string, code: string, params: Readonly<Record<string, unknown>> = {}): string {
  const key = `${prefix}.${code}`;
  // Six significant digits: enough to tell 49.996 from 50, without float noise (91.6843055555).
  const shown = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.map(shown).join(', ') : (shown(v) ?? '–')]));
  const text = t(key, flat);
  return text === key ? code : text;
}

export const reasonText = (t: Translate, r: Reason) => phrase(t, 'eligibility.reason', r.code, r.params);
export const missingText = (t: Translate, m: Missing) => phrase(t, 'eligibility.missing', m.code, { item: m.item, ...m.params });

/** The contract's JSON: reasons and missing items phrased, codes kept beside them. */
export function screeningJson(result: ScreeningResult, t: Translate) {
  return {
    protocol: result.protocol,
    protocolVersion: result.protocolVersion,
    eligible: result.eligible,
    criteria: result.criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      reason: reasonText(t, c.reason),
      evidence: c.evidence,
      missing: c.missing.map((m) => ({ ...m, text: missingText(t, m) })),
    })),
    asOf: result.asOf,
  };
}

const marks: Record<CriterionResult['status'], string> = { met: '✓', 'not-met': '✗', unknown: '?' };

export function checklist(result: ScreeningResult, protocol: Protocol, language: Language): string[] {
  const t = translator(language);
  const lines = [
    t('cli.screen.heading', { id: protocol.id, registry: protocol.identity.registryId, version: result.protocolVersion, asOf: result.asOf }),
    t(`cli.screen.eligible.${result.eligible}`),
    '',
  ];
  for (const c of result.criteria) {
    const criterion = protocol.criteria.find((p) => p.id === c.id);
    lines.push(`${marks[c.status]} ${c.id}${c.kind === 'exclusion' ? ` (${t('cli.screen.exclusion')})` : ''}: ${criterion?.text[language] ?? ''}`);
    lines.push(`    ${reasonText(t, c.reason)}`);
    for (const e of c.evidence)
      lines.push(`    · ${e.item}: ${e.value ?? '–'}${e.unit ? ` ${e.unit}` : ''}${e.date ? ` (${e.date.slice(0, 10)})` : ''}${e.compared ? `  [${e.compared}]` : ''}`);
    for (const m of c.missing) lines.push(`    ${t('cli.screen.missing', { text: missingText(t, m) })}`);
  }
  return lines;
}

/** The default code tables, extended by a site's own files (`--code-tables site.json`). */
export function codeTablesFrom(files: readonly string[] | undefined): CodeTables {
  if (!files || files.length === 0) return defaultCodeTables();
  const tables = loadCodeTables(files.map((file) => parseJsonObject(readInputText(file), file)));
  if (!tables.ok) throw new CliError(tables.issues.map((i) => (i.path[0] === 'extensions' && typeof i.path[1] === 'number' ? { ...i, path: [files[i.path[1]]!, ...i.path.slice(2)] } : i)));
  return tables.value;
}

export function registerScreenCommand(program: Command, language: Language, io: Output): void {
  const t = translator(language);
  program
    .command('screen')
    .description(t('cli.screen.description'))
    .argument('<file>', t('cli.screen.file'))
    .option('--protocol <id>', t('cli.screen.protocol'), 'hn2301')
    .option('--as-of <date>', t('cli.screen.as-of'))
    .option('--code-tables <files...>', t('cli.screen.code-tables'))
    .option('--json', t('cli.option.json'))
    .action((file: string, flags: { protocol: string; asOf?: string; codeTables?: string[]; json?: boolean }) => {
      const asOf = asOfOption(flags.asOf);
      const protocol = protocolOption(flags.protocol);
      const bundle = parseJsonObject(readInputText(file), file);
      const record = bundleToRecord(bundle, codeTablesFrom(flags.codeTables));
      if (!record.ok) throw new CliError(record.issues);
      const result = evaluateProtocol(protocol, record.value, asOf);
      if (flags.json) return io.out(JSON.stringify(screeningJson(result, t)));
      for (const line of checklist(result, protocol, language)) io.out(line);
    });
}
