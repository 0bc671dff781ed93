import { apiArgs, type ApiName } from '../../shared/api/contract.ts';
import { AtlasError, toErrorData } from '../../shared/api/errors.ts';
import type { ApiHandlers, ApiResponse } from './types.ts';

/** True when `name` is a call of the contract (guards both transports against unknown channels). */
export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiArgs, name);
}

/**
 * Validates one call's arguments with the contract's schema, runs its handler and wraps the outcome
 * (result or readable error) for the wire. Never throws.
 */
export async function dispatch(handlers: ApiHandlers, name: string, rawArgs: unknown): Promise<ApiResponse> {
  try {
    if (!isApiName(name)) throw new AtlasError('invalid_argument', `Unknown API call "${name}"`, { name });
    const parsed = apiArgs[name].safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(arguments)';
      throw new AtlasError('invalid_argument', `Invalid argument ${where} for ${name}: ${issue?.message}`, {
        name,
        field: where,
      });
    }
    const handler = handlers[name] as (args: unknown) => unknown;
    const result = await handler(parsed.data);
    return { ok: true, result };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}
