// Audit trail values (jsonb) as ODM ItemData values, and the ODM DataType that describes all the
// values an item took. JSON objects (an eligibility evaluation, CRS findings) are kept whole as
// JSON text: the file is the lossless copy, not a tabulation.

export type ItemValue = { readonly isNull: true } | { readonly isNull: false; readonly value: string };

export function itemValue(json: unknown): ItemValue {
  if (json === null || json === undefined) return { isNull: true };
  if (typeof json === 'string') return { isNull: false, value: json };
  if (typeof json === 'number' || typeof json === 'boolean') return { isNull: false, value: String(json) };
  return { isNull: false, value: JSON.stringify(json) };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export type OdmDataType = 'integer' | 'float' | 'double' | 'boolean' | 'date' | 'datetime' | 'text';

/** The narrowest ODM DataType every non-null value fits; text when they disagree or are JSON. */
export function dataTypeOf(values: readonly unknown[]): OdmDataType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'text';
  const all = (test: (v: unknown) => boolean) => present.every(test);
  if (all((v) => typeof v === 'boolean')) return 'boolean';
  if (all((v) => typeof v === 'number' && Number.isInteger(v))) return 'integer';
  // ODM float is xs:decimal, which has no exponent; a value JS writes with one needs double.
  if (all((v) => typeof v === 'number' && Number.isFinite(v))) return present.some((v) => /e/i.test(String(v))) ? 'double' : 'float';
  if (all((v) => typeof v === 'string' && isoDate.test(v))) return 'date';
  if (all((v) => typeof v === 'string' && isoDateTime.test(v))) return 'datetime';
  return 'text';
}
