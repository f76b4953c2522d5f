// A calculation explains itself as a list of steps, each a code with parameters (which item
// counted and with what weight, which rule fired). Adapters phrase each code through the message
// catalogue (src/i18n) under `explain.<code>`; the domain never holds wording.

export type ExplanationParams = Readonly<Record<string, string | number | boolean | null | readonly (string | number)[]>>;

export interface ExplanationStep {
  readonly code: string;
  readonly params: ExplanationParams;
}

export type Explanation = readonly ExplanationStep[];

export const step = (code: string, params: ExplanationParams = {}): ExplanationStep => ({ code, params });
