// SLEDAI-2K (Gladman, Ibañez & Urowitz, J Rheumatol 2002;29:288–91): 24 descriptors, each scored
// at its full weight when present, total 0–105. Weights as in shared/domain/domain.md §2.2.
import { z } from 'zod';
import { step } from '../explanation.ts';
import { ok } from '../result.ts';
import { defineScore } from './score-definition.ts';

export const sledai2kWeights = {
  seizure: 8,
  psychosis: 8,
  'organic-brain-syndrome': 8,
  'visual-disturbance': 8,
  'cranial-nerve-disorder': 8,
  'lupus-headache': 8,
  cva: 8,
  vasculitis: 8,
  arthritis: 4,
  myositis: 4,
  'urinary-casts': 4,
  hematuria: 4,
  proteinuria: 4,
  pyuria: 4,
  rash: 2,
  alopecia: 2,
  'mucosal-ulcers': 2,
  pleurisy: 2,
  pericarditis: 2,
  'low-complement': 2,
  'increased-dna-binding': 2,
  fever: 1,
  thrombocytopenia: 1,
  leukopenia: 1,
} as const;
export type Sledai2kItem = keyof typeof sledai2kWeights;

export const sledai2kItems = Object.keys(sledai2kWeights) as Sledai2kItem[];

/** The two serological descriptors, left out of the clinical SLEDAI-2K (domain.md §2.3). */
export const serologicSledai2kItems: readonly Sledai2kItem[] = ['low-complement', 'increased-dna-binding'];

export const isSledai2kItem = (code: string): code is Sledai2kItem => Object.hasOwn(sledai2kWeights, code);

export const Sledai2kItemSchema = z.enum(sledai2kItems as [Sledai2kItem, ...Sledai2kItem[]]);

export const Sledai2kInput = z.strictObject({ items: z.array(Sledai2kItemSchema) });
export type Sledai2kInput = z.infer<typeof Sledai2kInput>;

export interface Sledai2kResult {
  readonly total: number;
  readonly clinical: number;
  readonly serologic: number;
  readonly items: ReadonlyArray<{ readonly code: Sledai2kItem; readonly weight: number }>;
}

/** A descriptor is present or absent: listing one twice scores it once. Items come out in the form's order. */
export function computeSledai2k(items: readonly string[]): Sledai2kResult {
  const present = new Set(items);
  const counted = sledai2kItems.filter((code) => present.has(code)).map((code) => ({ code, weight: sledai2kWeights[code] }));
  const total = counted.reduce((sum, i) => sum + i.weight, 0);
  const serologic = counted.filter((i) => serologicSledai2kItems.includes(i.code)).reduce((sum, i) => sum + i.weight, 0);
  return { total, clinical: total - serologic, serologic, items: counted };
}

export const sledai2kScore = defineScore({
  name: 'sledai2k',
  input: Sledai2kInput,
  compute(input) {
    const output = computeSledai2k(input.items);
    const explanation = [
      ...output.items.map((i) =>
        step(serologicSledai2kItems.includes(i.code) ? 'sledai2k.serologic-item' : 'sledai2k.item', { code: i.code, weight: i.weight }),
      ),
      step('sledai2k.total', { total: output.total, clinical: output.clinical, serologic: output.serologic }),
    ];
    return ok({ output, explanation });
  },
});
