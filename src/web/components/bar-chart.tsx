// Grouped bars: for each category (a dose level) one bar per series (a design), with the value
// printed on the bar and the numbers again as a table. What a statistician compares designs by.
import { useId } from 'react';
import { useI18n } from '../lib/language.tsx';
import { linearScale, niceTicks } from '../lib/scale.ts';

interface Props {
  readonly title: string;
  readonly yLabel: string;
  readonly categories: readonly string[];
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: readonly number[] }>;
  readonly digits?: number;
  /** A category to mark (e.g. the true MTD). */
  readonly highlight?: number;
  readonly width?: number;
  readonly height?: number;
}

export const palette = ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed', '#b45309', '#0e7490'];
const margin = { top: 20, right: 12, bottom: 36, left: 52 };

export function BarChart({ title, yLabel, categories, series, digits = 1, highlight, width = 600, height = 240 }: Props) {
  const { t } = useI18n();
  const id = useId();
  const values = series.flatMap((s) => s.values);
  const ticks = niceTicks(0, Math.max(1, ...values), 4);
  const y = linearScale([0, ticks.at(-1)!], [height - margin.bottom, margin.top]);
  const band = (width - margin.left - margin.right) / Math.max(1, categories.length);
  const bar = (band * 0.8) / Math.max(1, series.length);
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`}>
        <title>{title}</title>
        {highlight !== undefined ? <rect x={margin.left + band * highlight} y={margin.top} width={band} height={height - margin.top - margin.bottom} className="highlight" /> : null}
        {ticks.map((v) => (
          <g key={v} className="axis">
            <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={margin.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        <text transform={`translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
          {yLabel}
        </text>
        {categories.map((c, ci) => (
          <g key={c}>
            {series.map((s, si) => {
              const v = s.values[ci] ?? 0;
              const left = margin.left + band * ci + band * 0.1 + bar * si;
              return (
                <g key={s.name}>
                  <rect x={left} y={y(v)} width={bar - 2} height={y(0) - y(v)} fill={palette[si % palette.length]}>
                    <title>{`${s.name}, ${c}: ${v.toFixed(digits)}`}</title>
                  </rect>
                  <text x={left + (bar - 2) / 2} y={y(v) - 3} textAnchor="middle" className="bar-value">
                    {v.toFixed(digits)}
                  </text>
                </g>
              );
            })}
            <text x={margin.left + band * ci + band / 2} y={height - margin.bottom + 16} textAnchor="middle" className="axis">
              {c}
            </text>
          </g>
        ))}
      </svg>
      <ul className="legend">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: palette[i % palette.length] }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('web.chart.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('web.chart.series')}</th>
              {categories.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {s.values.map((v, i) => (
                  <td key={categories[i] ?? i}>{v.toFixed(digits)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
