/**
 * Serves dist/ on localhost (no dependencies, no network beyond loopback) and prints the URL.
 * Also imported by the browser tests to serve the built site.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
};

/**
 * Starts a static server for `dir` on 127.0.0.1:`port` (0 picks a free port); resolves to it and
 * its URL. `compress` gzips text responses for clients that accept it, as production hosts do
 * (the benchmark measures pages as a real host would serve them).
 */
export function serveDir(
  dir: string,
  port = 0,
  { compress = false }: { compress?: boolean } = {},
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    // The request target is a path: never let `//host/…` parse as a host (new URL would throw on
    // `//`). A path with an empty segment or a bad %-escape names no file.
    const pathname = (req.url ?? '/').replace(/[?#].*$/s, '');
    let decoded = '';
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      decoded = '';
    }
    const bad = !decoded.startsWith('/') || decoded.includes('//') || decoded.includes('\0');
    let file = bad ? root : normalize(join(root, decoded));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!bad && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (bad || !existsSync(file)) {
      // English paths get the English not-found page, as hosts that honour per-folder 404.html do.
      const enNotFound = join(root, 'en/404.html');
      const notFound = pathname.startsWith('/en/') && existsSync(enNotFound) ? enNotFound : join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (
      compress &&
      /^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type) &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    ) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/` });
    }),
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(
      'Usage: npm run serve [-- --dir dist --port 4321]\nServes the built site on http://127.0.0.1:PORT/ until stopped.',
    );
    process.exit(0);
  }
  const dir = values.dir ?? 'dist';
  if (!existsSync(dir)) {
    console.error(`serve: ${dir}/ does not exist: run npm run build first.`);
    process.exit(1);
  }
  const { url } = await serveDir(dir, Number(values.port ?? process.env.PORT ?? 4321));
  console.log(`Serving ${dir}/ at ${url}  (Ctrl+C to stop)`);
}
