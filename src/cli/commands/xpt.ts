// `firstdose xpt write IN.json OUT.xpt` (Dataset-JSON 1.1 → SAS XPORT v5) and
// `firstdose xpt read IN.xpt [--json]` (the data sets, or one as Dataset-JSON on stdout).
// The conversions are src/reports/xpt's; this file reads, writes and phrases.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { issue, nestIssues } from '../../domain/result.ts';
import { type Language, type Translate, translator } from '../../i18n/index.ts';
import {
  datasetJsonToXpt,
  type DefineMetadata,
  type Encoding,
  encodings,
  headerToIso,
  orderedDatasetJson,
  parseDatasetJson,
  parseDefineXml,
  readXpt,
  writeXpt,
  type XptDataset,
  type XptLibrary,
  xptToDatasetJson,
} from '../../reports/xpt/index.ts';
import { CliError } from '../cli-error.ts';
import { type Output, parseJsonObject, readInputText } from '../io.ts';

interface WriteFlags {
  encoding?: string;
  json?: boolean;
}
interface ReadFlags extends WriteFlags {
  define?: string;
  dataset?: string;
}

function encodingOption(value: string | undefined): Encoding {
  if (value === undefined) return 'utf-8';
  if (!(encodings as readonly string[]).includes(value)) throw new CliError([issue(['--encoding'], 'invalid_choice', { value, allowed: [...encodings] })]);
  return value as Encoding;
}

/** The local time, `YYYY-MM-DDThh:mm:ss`: SAS headers and Dataset-JSON carry no zone either. */
function localNow(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file === '-' ? 0 : file));
  } catch (error) {
    throw new CliError([issue([file], 'unreadable', { detail: (error as NodeJS.ErrnoException).code ?? String(error) })]);
  }
}

function loadDefine(file: string | undefined): DefineMetadata | undefined {
  if (file === undefined) return undefined;
  const define = parseDefineXml(readInputText(file));
  if (!define.ok) throw new CliError(nestIssues([file], define.issues));
  return define.value;
}

function chooseDataset(library: XptLibrary, wanted: string | undefined): readonly XptDataset[] {
  const names = library.datasets.map((d) => d.name);
  if (wanted === undefined) return library.datasets;
  const found = library.datasets.find((d) => d.name.toUpperCase() === wanted.toUpperCase());
  if (!found) throw new CliError([issue(['--dataset'], 'invalid_choice', { value: wanted, allowed: names })]);
  return [found];
}

function table(t: Translate, dataset: XptDataset): string[] {
  const rows = [
    t('cli.xpt.columns').split('|'),
    ...dataset.variables.map((v, i) => [
      String(i + 1),
      v.name,
      v.type,
      String(v.length),
      v.format ? `${v.format.name}${v.format.width || ''}.${v.format.decimals || ''}` : '',
      v.label,
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => columns(r[c]!))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(width - columns(cell));
  return rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : pad(cell, widths[c]!))).join('  ')}`.trimEnd());
}

/** Terminal columns of a text: CJK characters and full-width forms take two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

export function registerXptCommands(program: Command, language: Language, io: Output): void {
  const t = translator(language);
  const xpt = program.command('xpt').description(t('cli.xpt.description'));

  xpt
    .command('write')
    .description(t('cli.xpt.write.description'))
    .argument('<in.json>', t('cli.xpt.write.in'))
    .argument('<out.xpt>', t('cli.xpt.write.out'))
    .option('--encoding <name>', t('cli.xpt.option.encoding'))
    .option('--json', t('cli.xpt.write.json'))
    .action((input: string, output: string, flags: WriteFlags) => {
      const encoding = encodingOption(flags.encoding);
      const json = parseDatasetJson(parseJsonObject(readInputText(input), input));
      if (!json.ok) throw new CliError(json.issues);
      const dataset = datasetJsonToXpt(json.value, { now: localNow(), encoding });
      if (!dataset.ok) throw new CliError(dataset.issues);
      const d = dataset.value;
      const bytes = writeXpt({ sasVersion: d.sasVersion, os: d.os, created: d.created, modified: d.modified, datasets: [d] }, { encoding });
      if (!bytes.ok) throw new CliError(bytes.issues);
      try {
        writeFileSync(output, bytes.value);
      } catch (error) {
        throw new CliError([issue([output], 'xpt_cannot_write', { detail: (error as NodeJS.ErrnoException).code ?? String(error) })]);
      }
      const summary = { file: output, name: d.name, records: d.rows.length, variables: d.variables.length, bytes: bytes.value.length };
      io.out(flags.json ? JSON.stringify(summary) : t('cli.xpt.written', summary));
    });

  xpt
    .command('read')
    .description(t('cli.xpt.read.description'))
    .argument('<in.xpt>', t('cli.xpt.read.in'))
    .option('--json', t('cli.xpt.read.json'))
    .option('--define <define.xml>', t('cli.xpt.read.define'))
    .option('--dataset <name>', t('cli.xpt.read.dataset'))
    .option('--encoding <name>', t('cli.xpt.option.encoding'))
    .action((input: string, flags: ReadFlags) => {
      const encoding = encodingOption(flags.encoding);
      const library = readXpt(readBytes(input), { encoding });
      if (!library.ok) throw new CliError(nestIssues([input], library.issues));
      const define = loadDefine(flags.define);
      const chosen = chooseDataset(library.value, flags.dataset);
      if (flags.json) {
        if (chosen.length === 0) throw new CliError([issue([input], 'xpt_no_dataset')]);
        if (chosen.length > 1) throw new CliError([issue(['--dataset'], 'xpt_choose_dataset', { count: chosen.length, allowed: chosen.map((d) => d.name) })]);
        const out = xptToDatasetJson(chosen[0]!, { creationDateTime: localNow(), ...(define ? { define, metaDataRef: flags.define } : {}) });
        io.out(JSON.stringify(orderedDatasetJson(out)));
        return;
      }
      const lib = library.value;
      const lines = [t('cli.xpt.library', { file: input, count: lib.datasets.length, version: lib.sasVersion, os: lib.os, created: headerToIso(lib.created) ?? lib.created })];
      for (const d of chosen) {
        lines.push('', t('cli.xpt.dataset', { name: d.name, label: d.label, records: d.rows.length, variables: d.variables.length, modified: headerToIso(d.modified) ?? d.modified }));
        lines.push(...table(t, d));
      }
      io.out(lines.join('\n'));
    });
}
