// Physician Global Assessment (SELENA-SLEDAI PGA, domain.md §4.5): a 0–3 visual analogue scale
// recorded to two decimals. SRI, LLDAS and DORIS all read it, with different thresholds.
import { z } from 'zod';

export const PGA_MAX = 3;

export const PgaSchema = z.number().min(0).max(PGA_MAX);

/**
 * The PGA in integer hundredths, its recorded precision. SRI compares a *difference* of two PGAs
 * with 0.3, and in binary floating point 1.3 − 1.0 is 0.30000000000000004 while 0.4 − 0.1 is
 * 0.30000000000000004 and 3.0 − 2.7 is 0.2999999999999998: differences of integers do not drift.
 */
export const pgaHundredths = (pga: number): number => Math.round(pga * 100);
