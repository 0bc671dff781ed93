import type { SaveRunInput } from '../../data/analysis-runs/run-store.ts';
import type { ProjectSession } from './project-session.ts';
import type { ApiHandlers } from './types.ts';

type RunHandlers = Pick<ApiHandlers, 'saveAnalysisRun' | 'listAnalysisRuns' | 'getAnalysisRun' | 'deleteAnalysisRun' | 'renameAnalysisRun' | 'exportAnalysisRun'>;

/** Saved analysis runs of the open project: save, list, open, delete, rename and export. */
export function analysisRunHandlers(session: ProjectSession): RunHandlers {
  const runs = () => session.current.runs();
  return {
    saveAnalysisRun: (args) => runs().save(args as SaveRunInput),
    listAnalysisRuns: () => runs().list(),
    getAnalysisRun: ({ runId }) => runs().get(runId),
    deleteAnalysisRun: ({ runId }) => runs().delete(runId),
    renameAnalysisRun: ({ runId, name }) => runs().rename(runId, name),
    exportAnalysisRun: ({ runId, format, path, overwrite }) => runs().export(runId, format, path, overwrite),
  };
}
