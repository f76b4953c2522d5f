import type { Measurement } from './run.ts';

/** Median wall time of `runs` calls after `warmup` unmeasured ones. */
export async function median(name: string, fn: () => unknown, runs = 7, warmup = 2, note?: string): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, ms: times[Math.floor(times.length / 2)]!, ...(note ? { note } : {}) };
}

export function memoryNote(): string {
  const m = process.memoryUsage();
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
  return `rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}`;
}
