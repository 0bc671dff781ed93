import type { AnalysisPreset } from '../../shared/analysis/presets.ts';

/**
 * The standard that sets a preset's coverage share, read from its source text: the code (GB 50180-2018,
 * GB/T 51346-2019 …) of the clause that names a "≥ N%". Null when the preset has no share or its source
 * names none.
 */
export function thresholdStandard(preset: AnalysisPreset): string | null {
  if (preset.threshold === null) return null;
  for (const clause of preset.source.split(';')) {
    const code = /\b(GB(?:\/T)?\s*\d+-\d{2,4})/.exec(clause);
    if (code && /≥\s*\d+(\.\d+)?\s*%/.test(clause)) return code[1];
  }
  return null;
}
