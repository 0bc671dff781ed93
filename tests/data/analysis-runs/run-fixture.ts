// A demo project and one analysis of it (straight line, before/after the plan, three sites) for the
// saved-run tests. The project is made once per test file and copied per test.
import fs from 'node:fs';
import path from 'node:path';
import { createProjectFile } from '../../../electron/api/project-session.ts';
import { ProjectStore } from '../../../data/project/project-store.ts';
import type { SaveRunInput } from '../../../data/analysis-runs/run-store.ts';
import { runAnalysis } from '../../../shared/analysis/run-analysis.ts';
import type { AnalysisOutcome, AnalysisRequest } from '../../../shared/analysis/request.ts';

export const REQUEST: AnalysisRequest = {
  preset: 'green-5min',
  mode: 'straight',
  plan: 'compare',
  layers: { facilities: 'parks', targets: 'residential_areas', districts: 'districts' },
  sites: { candidates: 'renewal_parcels', k: 3 },
};

/** Creates the demo project at `file` and runs REQUEST on it. */
export function demoWithOutcome(file: string): AnalysisOutcome {
  const store = createProjectFile(file, 'demo');
  try {
    const read = (id: string) => store.layerGeoJSON(id);
    return runAnalysis(
      { facilities: read('parks'), targets: read('residential_areas'), districts: read('districts'), candidates: read('renewal_parcels') },
      REQUEST,
    );
  } finally {
    store.close();
  }
}

/** What the UI would hand to saveAnalysisRun for this outcome. */
export function saveInput(outcome: AnalysisOutcome, name = '5分钟见绿 对比'): SaveRunInput {
  return { name, request: REQUEST, figures: outcome.figures, layers: { ...outcome.layers }, durationMs: 1234 };
}

/** A fresh copy of the template project. */
export function copyProject(template: string, dir: string, name = 'p.gpkg'): string {
  const file = path.join(dir, name);
  fs.copyFileSync(template, file);
  return file;
}

/** Saves one run into `file` and closes the store; returns the run's id. */
export function saveOne(file: string, outcome: AnalysisOutcome, name?: string): number {
  const store = ProjectStore.open(file);
  try {
    return store.runs().save(saveInput(outcome, name)).id;
  } finally {
    store.close();
  }
}
