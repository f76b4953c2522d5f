// The app speaks the project's message catalogue (src/i18n: eligibility reasons, conduct rules,
// explanations) plus its own screen texts (src/web/messages), through one i18next instance per
// language so that `$t(...)` nesting in the shared messages works here as in the CLI.
import i18next, { type TFunction } from 'i18next';
import { fragments } from '../../i18n/messages/index.ts';
import { webFragments } from '../messages/index.ts';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const storageKey = 'firstdose.language';

function resources() {
  const merged: Record<Language, Record<string, string>> = { en: {}, 'zh-CN': {} };
  for (const fragment of [...fragments, ...webFragments]) for (const l of languages) Object.assign(merged[l], fragment[l]);
  return { en: { translation: merged.en }, 'zh-CN': { translation: merged['zh-CN'] } };
}

const instances = new Map<Language, TFunction>();

export function translator(language: Language): Translate {
  let t = instances.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      resources: resources(),
      keySeparator: false,
      nsSeparator: false,
      // React escapes what it renders; escaping here too would show &amp; on screen.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    t = instance.t;
    instances.set(language, t);
  }
  const tf = t;
  return (key, params) => tf(key, params as Record<string, unknown>) as string;
}

export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (languages as readonly string[]).includes(v);

/** The remembered choice, else the browser's preference: any Chinese locale gives zh-CN. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | undefined, preferred: readonly string[]): Language {
  const stored = storage?.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  return preferred.some((p) => /^zh/i.test(p)) ? 'zh-CN' : 'en';
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'> | undefined, language: Language): void {
  try {
    storage?.setItem(storageKey, language);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
}

/** Numbers as people read them: four significant digits, never float noise such as 0.30000000000000004. */
export function shown(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(4));
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return value ?? '–';
}

/** A code phrased under a prefix (`eligibility.reason.age_in_range`), or the bare code when no message exists. */
export function phrase(t: Translate, prefix: string, code: string, params: Readonly<Record<string, unknown>> = {}): string {
  const key = `${prefix}.${code}`;
  const text = t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, shown(v)])));
  return text === key ? code : text;
}

/** An issue as the server phrased it, else phrased here from its code (conduct rules have messages under `issue.`). */
export function issueText(t: Translate, i: { readonly code: string; readonly params?: Readonly<Record<string, unknown>>; readonly message?: string }): string {
  return i.message ?? phrase(t, 'issue', i.code, { field: '', ...i.params });
}
