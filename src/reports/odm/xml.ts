// A minimal XML writer for the ODM file: elements, attributes and text, escaped for XML 1.0.
// Attribute values escape tab, newline and carriage return as character references, since a
// parser would otherwise normalise them to spaces (XML 1.0 §3.3.3) and a multi-line reason or
// JSON value would not read back as written. Characters XML 1.0 cannot carry at all (most C0
// controls, U+FFFE/U+FFFF, lone surrogates) become U+FFFD.

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: ReadonlyArray<XmlElement | string>;
}

type Attributes = Readonly<Record<string, string | number | undefined | null>>;

/** An element; attributes whose value is undefined or null are left out, in the order given. */
export function el(name: string, attributes: Attributes = {}, ...children: ReadonlyArray<XmlElement | string | null | undefined | false>): XmlElement {
  return {
    name,
    attributes: Object.entries(attributes)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null)
      .map(([k, v]) => [k, String(v)] as const),
    children: children.filter((c): c is XmlElement | string => c !== null && c !== undefined && c !== false),
  };
}

// Not allowed in XML 1.0 documents: C0 controls but tab, LF, CR; the two non-characters; lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const escapeText = (s: string) => s.replace(forbidden, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const escapeAttribute = (s: string) =>
  escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

function write(node: XmlElement, indent: string, out: string[]): void {
  const attrs = node.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  if (node.children.length === 0) {
    out.push(`${indent}<${node.name}${attrs}/>`);
  } else if (node.children.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${node.name}${attrs}>${node.children.map((c) => escapeText(c as string)).join('')}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attrs}>`);
    for (const c of node.children) {
      if (typeof c === 'string') out.push(`${indent}  ${escapeText(c)}`);
      else write(c, `${indent}  `, out);
    }
    out.push(`${indent}</${node.name}>`);
  }
}

/** The document: declaration, then the root element indented two spaces a level. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
