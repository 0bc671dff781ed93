import type { z } from 'zod';
import type { ApiName, ApiResults, apiArgs } from '../../shared/api/contract.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';

/** Server-side implementation of every API call, taking already-validated arguments. */
export type ApiHandlers = {
  [K in ApiName]: (args: z.output<(typeof apiArgs)[K]>) => ApiResults[K] | Promise<ApiResults[K]>;
};

/** What crosses either transport (IPC or HTTP) for one call. */
export type ApiResponse<T = unknown> = { ok: true; result: T } | { ok: false; error: AtlasErrorData };
