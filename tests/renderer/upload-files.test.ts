import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api/contract.ts';
import { STAGE_ID_HEADER, uploadFiles } from '../../renderer/api/client.ts';

type Call = { url: string; headers: Record<string, string>; body: unknown };

function stagingHost(calls: Call[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({ url, headers, body: init.body });
    const name = decodeURIComponent(headers['x-file-name']);
    return new Response(JSON.stringify({ ok: true, result: `/data/staging/${headers[STAGE_ID_HEADER]}/${name}` }));
  }) as typeof fetch;
}

describe('browser-mode file staging', () => {
  it('posts each file with the token, its encoded name and one stage id for the drop', async () => {
    const calls: Call[] = [];
    const files = [new File(['shp'], '公园.shp'), new File(['dbf'], '公园.dbf')];
    const paths = await uploadFiles(files, 'tok', stagingHost(calls), 'drop-1');
    expect(paths).toEqual(['/data/staging/drop-1/公园.shp', '/data/staging/drop-1/公园.dbf']);
    expect(calls.map((c) => [c.url, c.headers[TOKEN_HEADER], c.headers['x-file-name'], c.headers[STAGE_ID_HEADER]])).toEqual([
      [UPLOAD_PATH, 'tok', encodeURIComponent('公园.shp'), 'drop-1'],
      [UPLOAD_PATH, 'tok', encodeURIComponent('公园.dbf'), 'drop-1'],
    ]);
    expect(calls[0].body).toBe(files[0]);
  });

  it('throws the host\'s refusal as an AtlasError', async () => {
    const refuse = (async () => new Response(JSON.stringify({ ok: false, error: { code: 'io_error', message: 'disk full' } }))) as typeof fetch;
    await expect(uploadFiles([new File(['x'], 'a.csv')], 't', refuse, 'd')).rejects.toMatchObject({ code: 'io_error', message: 'disk full' });
  });

  it('turns an unreadable answer into an io_error naming the file', async () => {
    const broken = (async () => new Response('<html>', { status: 413 })) as typeof fetch;
    await expect(uploadFiles([new File(['x'], 'big.zip')], 't', broken, 'd')).rejects.toMatchObject({ code: 'io_error', params: { file: 'big.zip', status: 413 } });
  });
});
