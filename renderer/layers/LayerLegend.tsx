import type { LegendEntry } from '../../shared/layers/index.ts';
import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';

/** The swatch of a legend entry: a filled square, a line of the entry's width, or a circle of its size. */
export function Swatch({ entry }: { entry: LegendEntry }) {
  if (entry.shape === 'line') {
    const width = Math.min(8, Math.max(1, entry.size ?? 2));
    return (
      <svg className="swatch" width="22" height="14" aria-hidden="true">
        <line x1="2" y1="7" x2="20" y2="7" stroke={entry.color} strokeWidth={width} strokeLinecap="round" />
      </svg>
    );
  }
  if (entry.shape === 'circle') {
    const r = Math.min(10, Math.max(2, entry.size ?? 5));
    const box = Math.max(14, r * 2 + 4);
    return (
      <svg className="swatch" width={Math.max(22, box)} height={box} aria-hidden="true">
        <circle cx={Math.max(22, box) / 2} cy={box / 2} r={r} fill={entry.color} stroke="#fff" strokeWidth="1.2" />
      </svg>
    );
  }
  return (
    <svg className="swatch" width="22" height="14" aria-hidden="true">
      <rect x="4" y="1" width="14" height="12" rx="2" fill={entry.color} stroke="rgba(0,0,0,.35)" />
    </svg>
  );
}

/** A layer's legend, from its kind's legend entries. */
export function LayerLegend({ layerId, entries }: { layerId: string; entries: readonly LegendEntry[] }) {
  const { lang } = useT();
  if (entries.length === 0) return null;
  return (
    <ul className="legend" data-testid={`layer-legend-${layerId}`}>
      {entries.map((entry, i) => (
        <li key={i}>
          <Swatch entry={entry} />
          <span>{pick(entry.label, lang)}</span>
        </li>
      ))}
    </ul>
  );
}
