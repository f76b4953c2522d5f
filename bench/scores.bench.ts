import { cockcroftGault } from '../src/domain/scores/creatinine-clearance.ts';
import { classifyEularAcr2019 } from '../src/domain/scores/eular-acr-2019.ts';
import { computeSledai2k } from '../src/domain/scores/sledai2k.ts';
import type { Measurement } from './run.ts';
import { median, memoryNote } from './timing.ts';

const n = 100_000;

export async function run(): Promise<Measurement[]> {
  return [
    await median(`SLEDAI-2K, ${n.toLocaleString('en')} scores`, () => {
      for (let i = 0; i < n; i++) computeSledai2k(['arthritis', 'rash', 'low-complement']);
    }),
    await median(`2019 EULAR/ACR, ${n.toLocaleString('en')} classifications`, () => {
      for (let i = 0; i < n; i++) classifyEularAcr2019('positive', ['fever', 'joint-involvement', 'anti-dsdna-or-anti-smith']);
    }),
    await median(
      `Cockcroft–Gault with µmol/L conversion, ${n.toLocaleString('en')}`,
      () => {
        for (let i = 0; i < n; i++) cockcroftGault({ age: 60, sex: 'female', weightKg: 50, creatinine: { value: 106, unit: 'umol/L' } });
      },
      7,
      2,
      memoryNote(),
    ),
  ];
}
