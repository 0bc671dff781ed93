import type { Language } from '../i18n/i18n.ts';

/** How the analysis card writes its figures, in the UI language's number style. */

function locale(lang: Language): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

function fixed(value: number, digits: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share (0–1) as a percentage with one decimal, as the CLI prints it: 0.9 → "90.0%". */
export function formatShare(share: number | null, lang: Language): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${fixed(share * 100, 1, lang)}%`;
}

/** A threshold (0–1) without needless decimals: 0.9 → "90%". */
export function formatThreshold(share: number, lang: Language): string {
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(share * 100)}%`;
}

/** Square metres as hectares with one decimal: 123456 → "12.3". */
export function formatHectares(m2: number, lang: Language): string {
  return fixed(m2 / 10_000, 1, lang);
}

/** A count of people or features, rounded, with digit grouping: 12345.6 → "12,346". */
export function formatCount(value: number | null, lang: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(Math.round(value));
}

/** Metres, whole: 300 → "300". */
export function formatMetres(m: number, lang: Language): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(m);
}

/**
 * The change between two shares in percentage points, signed: (0.14, 0.231) → "+9.1". A change that
 * rounds to nothing is "0.0" without a sign.
 */
export function formatChange(before: number, after: number, lang: Language): string {
  const points = Math.round((after - before) * 1000) / 10;
  if (points === 0) return fixed(0, 1, lang);
  return `${points > 0 ? '+' : '−'}${fixed(Math.abs(points), 1, lang)}`;
}

/** The direction of a change, for its colour. */
export function changeTone(before: number, after: number): 'up' | 'down' | 'same' {
  const points = Math.round((after - before) * 1000);
  return points > 0 ? 'up' : points < 0 ? 'down' : 'same';
}

/** A run's time for its name: "2024-05-01 14:03" in local time. */
export function formatRunTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A saved run's creation time (ISO) in the UI language's style. */
export function formatSavedAt(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'short', timeStyle: 'short' }).format(date);
}
