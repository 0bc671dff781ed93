import { PRESETS } from '../../shared/analysis/presets.ts';
import type { AnalysisRequest } from '../../shared/analysis/request.ts';
import type { Language } from '../i18n/i18n.ts';
import { pick } from '../i18n/pick.ts';
import { formatRunTime } from './figures-format.ts';

/** Longest run name the API takes. */
const MAX_NAME = 200;

/**
 * The name a finished run is saved under: preset, mode, plan stage and time, in the UI language,
 * e.g. "5分钟见绿 · 直线距离 · 规划前后对比 · 2024-05-01 14:03". `t` translates the mode and stage.
 */
export function runName(request: AnalysisRequest, lang: Language, t: (key: string) => string, date: Date): string {
  const parts = [
    pick(PRESETS[request.preset].name, lang),
    t(`analysis.modes.${request.mode}`),
    t(`analysis.plans.${request.plan}`),
    formatRunTime(date),
  ];
  return parts.join(' · ').slice(0, MAX_NAME);
}
