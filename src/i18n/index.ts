import i18next, { type TFunction } from 'i18next';
import type { Explanation } from '../domain/explanation.ts';
import { formatPath, type Issue } from '../domain/result.ts';
import { fragments } from './messages/index.ts';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

export type Translate = (key: string, params?: Record<string, unknown>) => string;

function resources() {
  const merged: Record<Language, Record<string, string>> = { en: {}, 'zh-CN': {} };
  for (const fragment of fragments) {
    for (const language of languages) Object.assign(merged[language], fragment[language]);
  }
  return { en: { translation: merged.en }, 'zh-CN': { translation: merged['zh-CN'] } };
}

/**
 * Picks the language from an explicit choice, else the POSIX locale variables (LC_ALL, LC_MESSAGES,
 * LANG): any Chinese locale gives zh-CN, everything else English.
 */
export function detectLanguage(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  const candidate = [explicit, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^zh/i.test(candidate) ? 'zh-CN' : 'en';
}

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
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
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    t = instance.t;
    instances.set(language, t);
  }
  const tf = t;
  return (key, params) => tf(key, params as Record<string, unknown>) as string;
}

function paramText(value: unknown, language: Language, display: boolean): unknown {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.map((v) => paramText(v, language, display)).join(language === 'zh-CN' ? '、' : ', ');
  // Explanations are read, not computed with: four significant digits (λe = 0.2365).
  if (display && typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(4));
  return value;
}

function localisedParams(params: Readonly<Record<string, unknown>>, language: Language, display = false) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, paramText(v, language, display)]));
}

export function formatIssue(issue: Issue, language: Language, fallbackField?: string): string {
  const t = translator(language);
  const params = issue.params as Record<string, unknown>;
  const comparison =
    'inclusive' in params
      ? t(
          `issue.comparison.${issue.code === 'too_small' ? (params.inclusive ? 'at_least' : 'more_than') : params.inclusive ? 'at_most' : 'less_than'}`,
        )
      : undefined;
  const path = formatPath(issue.path) || fallbackField || t('issue.field.input');
  // Issues in FHIR input name the resource too (`Observation/abc`), for the sender to find it.
  const field = typeof params.resource === 'string' ? `${path} (${params.resource})` : path;
  return t(`issue.${issue.code}`, { ...localisedParams(params, language), field, comparison });
}

export function formatExplanation(explanation: Explanation, language: Language): string[] {
  const t = translator(language);
  return explanation.map((s) => t(`explain.${s.code}`, localisedParams(s.params, language, true)));
}
