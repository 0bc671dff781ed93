import { describe, expect, it } from 'vitest';
import { API_NAMES, apiArgs } from '../../../shared/api/contract.ts';
import { AtlasError, toErrorData } from '../../../shared/api/errors.ts';

describe('API contract', () => {
  it('names each call once and gives each an argument schema', () => {
    expect(new Set(API_NAMES).size).toBe(API_NAMES.length);
    for (const name of API_NAMES) expect(typeof apiArgs[name].safeParse).toBe('function');
  });

  it('accepts valid arguments', () => {
    expect(apiArgs.updateLayer.safeParse({ layerId: 'parks', visible: false, opacity: 0.5 }).success).toBe(true);
  });

  it('refuses an opacity above 1', () => {
    expect(apiArgs.updateLayer.safeParse({ layerId: 'parks', opacity: 1.5 }).success).toBe(false);
  });

  it('refuses unknown keys, so a typo never passes silently', () => {
    expect(apiArgs.openProject.safeParse({ path: '/a.gpkg', pth: 'x' }).success).toBe(false);
  });

  it('refuses a fractional feature id', () => {
    expect(apiArgs.getFeature.safeParse({ layerId: 'parks', fid: 1.5 }).success).toBe(false);
  });

  it('only knows the two project templates', () => {
    expect(apiArgs.newProject.safeParse({ path: '/a.gpkg', template: 'shanghai' }).success).toBe(false);
  });

  it('carries error codes and parameters across the wire', () => {
    const data = toErrorData(new AtlasError('read_only', 'x is read-only', { file: 'x' }));
    expect(AtlasError.from(data)).toMatchObject({ code: 'read_only', message: 'x is read-only', params: { file: 'x' } });
  });

  it('turns an unexpected error into an internal one with its message', () => {
    expect(toErrorData(new TypeError('boom'))).toEqual({ code: 'internal', message: 'boom' });
  });
});
