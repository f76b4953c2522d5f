// Reading a chart back for tests: the SVG parsed, and the marks of a class (or aria-label) counted.
import { DOMParser } from 'linkedom';

export function parseSvg(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
}

/** The drawn elements of the mark groups with this class (Plot's `className`). */
export function marks(doc: Document, className: string): Element[] {
  return [...doc.querySelectorAll(`g.${className}`)].flatMap((g) => [...g.children]);
}

export const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
