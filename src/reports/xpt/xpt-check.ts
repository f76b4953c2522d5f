// What SAS XPORT v5 can hold, checked before anything is written: every problem is returned with
// the path of the offending field (`variables[3].name`, `rows[12][4]`), none thrown.
import { type Issue, type IssuePath, issue } from '../../domain/result.ts';
import { isHeaderDateTime } from './header-datetime.ts';
import { ibmRangeProblem } from './ibm-float.ts';
import { isSasMissing, type XptDataset, type XptFormat, type XptLibrary, type XptVariable } from './model.ts';
import { maxCharLength, maxLabelBytes, maxNameLength } from './records.ts';
import { byteLength, type Encoding } from './text-codec.ts';

/** SAS names in XPORT v5: a letter or underscore, then letters, digits or underscores, 8 at most. */
const sasName = /^[A-Za-z_][A-Za-z0-9_]{0,7}$/;
/** Format names: a SAS name with a leading `$` for character formats, 8 characters in all; blank for none. */
const isFormatName = (name: string) => name === '' || (name.length <= 8 && /^(\$|\$?[A-Za-z_][A-Za-z0-9_]*)$/.test(name));
const ascii8 = /^[\x20-\x7e]{0,8}$/;

function checkText(path: IssuePath, text: string, maximum: number, encoding: Encoding, issues: Issue[]): void {
  const bytes = byteLength(text, encoding);
  if (bytes === null) issues.push(issue(path, 'xpt_not_encodable', { value: text, encoding }));
  else if (bytes > maximum) issues.push(issue(path, 'xpt_too_long', { bytes, maximum }));
}

function checkFormat(path: IssuePath, format: XptFormat, issues: Issue[]): void {
  if (!isFormatName(format.name)) issues.push(issue([...path, 'name'], 'xpt_format_name', { value: format.name }));
  for (const field of ['width', 'decimals', 'justify'] as const) {
    const v = format[field];
    if (!Number.isInteger(v) || v < 0 || v > 32767) issues.push(issue([...path, field], 'out_of_range', { value: v, minimum: 0, maximum: 32767 }));
  }
}

function checkVariable(path: IssuePath, v: XptVariable, encoding: Encoding, issues: Issue[]): void {
  if (!sasName.test(v.name)) issues.push(issue([...path, 'name'], 'xpt_name', { value: v.name, maximum: maxNameLength }));
  checkText([...path, 'label'], v.label, maxLabelBytes, encoding, issues);
  if (v.type !== 'char' && v.type !== 'num') issues.push(issue([...path, 'type'], 'invalid_choice', { value: String(v.type), allowed: ['char', 'num'] }));
  const [minimum, maximum] = v.type === 'num' ? [2, 8] : [1, maxCharLength];
  if (!Number.isInteger(v.length) || v.length < minimum || v.length > maximum)
    issues.push(issue([...path, 'length'], 'xpt_length', { value: v.length, type: v.type, minimum, maximum }));
  if (v.format) checkFormat([...path, 'format'], v.format, issues);
  if (v.informat) checkFormat([...path, 'informat'], v.informat, issues);
}

function checkRows(dataset: XptDataset, encoding: Encoding, issues: Issue[], limit: number): void {
  const width = dataset.variables.length;
  for (let r = 0; r < dataset.rows.length && issues.length < limit; r++) {
    const row = dataset.rows[r]!;
    if (row.length !== width) {
      issues.push(issue(['rows', r], 'xpt_row_width', { expected: width, received: row.length }));
      continue;
    }
    for (let c = 0; c < width; c++) {
      const variable = dataset.variables[c]!;
      const value = row[c];
      if (variable.type === 'char') {
        if (typeof value !== 'string') issues.push(issue(['rows', r, c], 'xpt_value_type', { variable: variable.name, expected: 'string' }));
        else checkText(['rows', r, c], value, variable.length, encoding, issues);
      } else if (typeof value === 'number') {
        const problem = ibmRangeProblem(value);
        if (problem) issues.push(issue(['rows', r, c], 'xpt_number_range', { variable: variable.name, value: String(value) }));
      } else if (!isSasMissing(value)) issues.push(issue(['rows', r, c], 'xpt_value_type', { variable: variable.name, expected: 'number' }));
    }
  }
}

/** Every reason `dataset` cannot be written, with paths relative to it. Stops after `limit` row issues. */
export function checkDataset(dataset: XptDataset, encoding: Encoding, limit = 100): Issue[] {
  const issues: Issue[] = [];
  if (!sasName.test(dataset.name)) issues.push(issue(['name'], 'xpt_name', { value: dataset.name, maximum: maxNameLength }));
  checkText(['label'], dataset.label, maxLabelBytes, encoding, issues);
  for (const field of ['type', 'sasVersion', 'os'] as const)
    if (!ascii8.test(dataset[field])) issues.push(issue([field], 'xpt_header_text', { value: dataset[field] }));
  for (const field of ['created', 'modified'] as const)
    if (!isHeaderDateTime(dataset[field])) issues.push(issue([field], 'xpt_header_datetime', { value: dataset[field] }));
  if (dataset.variables.length === 0) issues.push(issue(['variables'], 'too_few', { minimum: 1 }));
  if (dataset.variables.length > 9999) issues.push(issue(['variables'], 'too_many', { maximum: 9999 }));
  const seen = new Set<string>();
  dataset.variables.forEach((v, i) => {
    checkVariable(['variables', i], v, encoding, issues);
    // SAS names are case-insensitive: AESEQ and aeseq are the same variable.
    const key = v.name.toUpperCase();
    if (seen.has(key)) issues.push(issue(['variables', i, 'name'], 'xpt_duplicate_name', { value: v.name }));
    seen.add(key);
  });
  if (issues.length === 0) checkRows(dataset, encoding, issues, limit);
  return issues;
}

export function checkLibrary(library: XptLibrary, encoding: Encoding): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['sasVersion', 'os'] as const)
    if (!ascii8.test(library[field])) issues.push(issue([field], 'xpt_header_text', { value: library[field] }));
  for (const field of ['created', 'modified'] as const)
    if (!isHeaderDateTime(library[field])) issues.push(issue([field], 'xpt_header_datetime', { value: library[field] }));
  const names = new Set<string>();
  library.datasets.forEach((d, i) => {
    issues.push(...checkDataset(d, encoding).map((x) => ({ ...x, path: ['datasets', i, ...x.path] })));
    if (names.has(d.name.toUpperCase())) issues.push(issue(['datasets', i, 'name'], 'xpt_duplicate_name', { value: d.name }));
    names.add(d.name.toUpperCase());
  });
  return issues;
}
