import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Server } from 'node:http';
import { serveDir } from '../../scripts/serveSite.ts';
import { tempDir } from '../lib/tempDir.ts';

let server: Server;
let port = 0;

before(async () => {
  const dir = tempDir('serve-');
  writeFileSync(join(dir, 'index.html'), 'home');
  writeFileSync(join(dir, '404.html'), 'missing');
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en', 'index.html'), 'english home');
  const s = await serveDir(dir);
  server = s.server;
  port = Number(new URL(s.url).port);
});
after(() => {
  server?.close();
});

/** A raw GET with the request target exactly as given (fetch would normalise it). */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('serveSite serves files and directories, and answers odd request targets with 404 instead of crashing', async () => {
  assert.deepEqual(await get('/'), { status: 200, body: 'home' });
  assert.deepEqual(await get('/en/'), { status: 200, body: 'english home' });
  assert.deepEqual(await get('/nothing/'), { status: 404, body: 'missing' });
  for (const odd of ['//', '//evil.example/', '/en//', '/%E0%A4%A', '/%00']) {
    const r = await get(odd);
    assert.equal(r.status, 404, odd);
    assert.equal(r.body, 'missing', odd);
  }
  // The server is still up after them.
  assert.equal((await get('/')).status, 200);
});
