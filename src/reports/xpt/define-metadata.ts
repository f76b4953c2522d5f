// What an XPT file cannot say about its variables and Define-XML (2.0/2.1) can: the item OIDs,
// the logical data type (integer or float, date or partial date), the planned length and the key
// sequence. Read from the start tags of ItemGroupDef, ItemRef and ItemDef only, with a small
// scanner rather than a DOM: define.xml files are machine-written and run to megabytes, and these
// attributes are all this module needs.
import { fail, issue, ok, type Result } from '../../domain/result.ts';

export interface DefineItem {
  readonly oid: string;
  readonly name: string;
  /** Define-XML's DataType: text, integer, float, date, datetime, time, partialDate, … */
  readonly dataType: string;
  readonly length?: number;
  readonly displayFormat?: string;
  readonly keySequence?: number;
}

export interface DefineDataset {
  readonly oid: string;
  readonly name: string;
  /** By variable name in upper case. */
  readonly items: ReadonlyMap<string, DefineItem>;
}

export interface DefineMetadata {
  readonly fileOID?: string;
  readonly studyOID?: string;
  readonly metaDataVersionOID?: string;
  /** By data set name in upper case. */
  readonly datasets: ReadonlyMap<string, DefineDataset>;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : entities[e]!,
  );
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, decode(m[2] ?? m[3] ?? ''));
  return out;
}

const positiveInt = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

interface GroupDraft {
  oid: string;
  name: string;
  refs: { itemOID: string; keySequence?: number }[];
}

/** The metadata of a define.xml text; an issue when it is not an ODM document. */
export function parseDefineXml(text: string): Result<DefineMetadata> {
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const itemDefs = new Map<string, Map<string, string>>();
  const groups: GroupDraft[] = [];
  let odm: Map<string, string> | undefined;
  let studyOID: string | undefined;
  let metaDataVersionOID: string | undefined;
  let group: GroupDraft | undefined;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, closing, tag, rest] = m as unknown as [string, string, string, string];
    if (closing) {
      if (tag === 'ItemGroupDef') group = undefined;
      continue;
    }
    if (tag === 'ODM') odm = attributes(rest);
    else if (tag === 'Study') studyOID ??= attributes(rest).get('OID');
    else if (tag === 'MetaDataVersion') metaDataVersionOID ??= attributes(rest).get('OID');
    else if (tag === 'ItemGroupDef') {
      const a = attributes(rest);
      group = { oid: a.get('OID') ?? '', name: a.get('SASDatasetName') ?? a.get('Name') ?? '', refs: [] };
      groups.push(group);
      if (m[4] === '/') group = undefined;
    } else if (tag === 'ItemRef' && group) {
      const a = attributes(rest);
      const keySequence = positiveInt(a.get('KeySequence'));
      group.refs.push({ itemOID: a.get('ItemOID') ?? '', ...(keySequence ? { keySequence } : {}) });
    } else if (tag === 'ItemDef') {
      const a = attributes(rest);
      itemDefs.set(a.get('OID') ?? '', a);
    }
  }
  if (!odm) return fail(issue([], 'define_not_odm'));
  const datasets = new Map<string, DefineDataset>();
  for (const g of groups) {
    const items = new Map<string, DefineItem>();
    for (const ref of g.refs) {
      const def = itemDefs.get(ref.itemOID);
      if (!def) continue;
      const name = def.get('SASFieldName') ?? def.get('Name') ?? '';
      const length = positiveInt(def.get('Length'));
      const displayFormat = def.get('def:DisplayFormat');
      items.set(name.toUpperCase(), {
        oid: ref.itemOID,
        name,
        dataType: def.get('DataType') ?? 'text',
        ...(length ? { length } : {}),
        ...(displayFormat ? { displayFormat } : {}),
        ...(ref.keySequence ? { keySequence: ref.keySequence } : {}),
      });
    }
    datasets.set(g.name.toUpperCase(), { oid: g.oid, name: g.name, items });
  }
  const fileOID = odm.get('FileOID');
  return ok({ ...(fileOID ? { fileOID } : {}), ...(studyOID ? { studyOID } : {}), ...(metaDataVersionOID ? { metaDataVersionOID } : {}), datasets });
}
