import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { ExportResult, ImportOptions, ImportPreview, ImportResult } from '../../../shared/api/transfer.ts';
import type { ExportRequest } from '../../../data/export/run-export.ts';
import type { ImportRequest } from '../../../data/import/run-import.ts';

/** What the main thread sends a job worker. */
export type JobSpec =
  | { kind: 'import'; request: ImportRequest }
  | { kind: 'export'; request: ExportRequest }
  | { kind: 'preview'; request: { files: string[]; options: ImportOptions } };

export type ToWorker = { type: 'start'; job: JobSpec } | { type: 'cancel' };

/** What a job worker reports back. */
export type FromWorker =
  | { type: 'progress'; processed: number; total: number | null; fraction: number }
  | { type: 'done'; result: ImportResult | ExportResult | ImportPreview }
  | { type: 'failed'; error: AtlasErrorData };
