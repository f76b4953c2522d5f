// What input the database can store faithfully, checked before anything is parsed further: a
// text with NUL (PostgreSQL refuses it in text and in jsonb) or with half of a UTF-16 surrogate
// pair (stored silently as U+FFFD in text, refused in jsonb), and JSON nested deeper than any
// clinical record (the jsonb reader and every recursive walk of a value have a stack). Found by
// the fuzz tests of the HTTP API and the CLI; both adapters refuse such input naming the field.
import { type Issue, issue } from './result.ts';

/** Deeper than a FHIR bundle's questionnaire items nest in practice, far below any stack. */
export const maxJsonDepth = 64;

/** The first character the database cannot store faithfully, as `U+XXXX`, or null. */
export function unstorableCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'U+0000';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return `U+${c.toString(16).toUpperCase()}`;
    } else if (c >= 0xdc00 && c <= 0xdfff) return `U+${c.toString(16).toUpperCase()}`;
  }
  return null;
}

/**
 * The first place in a parsed JSON value that cannot be stored: a key or string with such a
 * character (`invalid_character`), or nesting past `maxDepth` (`too_deep`). Iterative, so that
 * the check itself survives the input it refuses.
 */
export function unstorableIssue(value: unknown, at: readonly (string | number)[] = [], maxDepth = maxJsonDepth): Issue | null {
  const stack: { value: unknown; path: readonly (string | number)[] }[] = [{ value, path: at }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = unstorableCharacter(v);
      if (bad) return issue([...path], 'invalid_character', { character: bad });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length - at.length >= maxDepth) return issue([...path], 'too_deep', { maximum: maxDepth });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const bad = unstorableCharacter(key);
      if (bad) return issue([...path, key], 'invalid_character', { character: bad });
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
