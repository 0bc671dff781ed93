import type { ImportProblem } from '../api/transfer.ts';

export type ProblemKind = ImportProblem['kind'];

export interface ProblemSummary {
  /** Number of problems. */
  total: number;
  /** Problems the import fixes. */
  fixed: number;
  /** Features with at least one problem that cannot be fixed (they are skipped or refuse the import). */
  invalidFeatures: number;
  /** Features whose problems are all fixed. */
  fixedFeatures: number;
  /** Per kind: how many problems, and how many of them are fixed. */
  byKind: Partial<Record<ProblemKind, { count: number; fixed: number }>>;
}

/** Counts problems by kind and by feature, for the import preview and result (the UI words them). */
export function summariseProblems(problems: readonly ImportProblem[]): ProblemSummary {
  const byKind: ProblemSummary['byKind'] = {};
  const invalid = new Set<number>();
  const touched = new Set<number>();
  let fixed = 0;
  for (const p of problems) {
    const k = (byKind[p.kind] ??= { count: 0, fixed: 0 });
    k.count++;
    touched.add(p.feature);
    if (p.fixed) {
      k.fixed++;
      fixed++;
    } else invalid.add(p.feature);
  }
  let fixedFeatures = 0;
  for (const f of touched) if (!invalid.has(f)) fixedFeatures++;
  return { total: problems.length, fixed, invalidFeatures: invalid.size, fixedFeatures, byKind };
}
