// A small line chart over study days, drawn as SVG in React (no chart library): one or more
// series, optional reference lines (e.g. SLEDAI-2K 4, the LLDAS bound), and the same numbers as
// a table for screen readers and for anyone who wants the values.
import { useId } from 'react';
import { useI18n } from '../lib/language.tsx';
import { linearScale, niceTicks } from '../lib/scale.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
  /** What the table shows for x (a date, a visit name); defaults to x. */
  readonly label?: string;
}

export interface Series {
  readonly name: string;
  readonly points: readonly Point[];
}

interface Props {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly references?: ReadonlyArray<{ readonly y: number; readonly label: string }>;
  readonly width?: number;
  readonly height?: number;
}

const colours = ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed'];
const margin = { top: 16, right: 16, bottom: 40, left: 52 };

export function LineChart({ title, xLabel, yLabel, series, references = [], width = 560, height = 240 }: Props) {
  const { t } = useI18n();
  const id = useId();
  const points = series.flatMap((s) => s.points);
  if (points.length === 0)
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="empty">{t('web.chart.noData')}</p>
      </figure>
    );
  const xs = points.map((p) => p.x);
  const ys = [...points.map((p) => p.y), ...references.map((r) => r.y), 0];
  // One day alone would make an axis of fractions of a day: show a few days either side.
  const [x0, x1] = Math.max(...xs) - Math.min(...xs) < 10 ? [Math.min(...xs) - 5, Math.max(...xs) + 5] : [Math.min(...xs), Math.max(...xs)];
  const xTicks = niceTicks(x0, x1, 6);
  const yTicks = niceTicks(Math.min(...ys), Math.max(...ys), 4);
  const x = linearScale([xTicks[0]!, xTicks.at(-1)!], [margin.left, width - margin.right]);
  const y = linearScale([yTicks[0]!, yTicks.at(-1)!], [height - margin.bottom, margin.top]);
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`}>
        <title>{title}</title>
        <g className="axis">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={margin.left} x2={width - margin.right} y1={y(v)} y2={y(v)} className="grid" />
              <text x={margin.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                {v}
              </text>
            </g>
          ))}
          {xTicks.map((v) => (
            <text key={`x${v}`} x={x(v)} y={height - margin.bottom + 16} textAnchor="middle">
              {v}
            </text>
          ))}
          <text x={(margin.left + width - margin.right) / 2} y={height - 6} textAnchor="middle" className="axis-label">
            {xLabel}
          </text>
          <text transform={`translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
            {yLabel}
          </text>
        </g>
        {references.map((r) => (
          <g key={`r${r.y}`} className="reference">
            <line x1={margin.left} x2={width - margin.right} y1={y(r.y)} y2={y(r.y)} />
            <text x={width - margin.right} y={y(r.y) - 4} textAnchor="end">
              {r.label}
            </text>
          </g>
        ))}
        {series.map((s, i) => {
          const sorted = [...s.points].sort((a, b) => a.x - b.x);
          const colour = colours[i % colours.length];
          return (
            <g key={s.name} className="series">
              <polyline fill="none" stroke={colour} strokeWidth={2} points={sorted.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')} />
              {sorted.map((p) => (
                <circle key={`${p.x}-${p.y}`} cx={x(p.x)} cy={y(p.y)} r={4} fill={colour}>
                  <title>{`${s.name}: ${p.y} (${p.label ?? p.x})`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <span className="swatch" style={{ background: colours[i % colours.length] }} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>{t('web.chart.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...new Set(xs)]
              .sort((a, b) => a - b)
              .map((v) => (
                <tr key={v}>
                  <th scope="row">{points.find((p) => p.x === v)?.label ?? v}</th>
                  {series.map((s) => (
                    <td key={s.name}>{s.points.find((p) => p.x === v)?.y ?? '–'}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
