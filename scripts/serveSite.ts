/**
 * Serves a built site (default dist/) on 127.0.0.1 with sirv and prints the URL: the headers of
 * the build's `_headers` (the same as nginx sends, from src/outputs/hostHeaders.ts), the `.br`
 * and `.gz` copies written beside text files, and the English not-found page for English paths.
 * Also imported by the browser tests and the benchmark to serve the built site.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import {
  contentType,
  isHostOnly,
  matchHeaders,
  notFoundPage,
  parseHeadersFile,
  type HeaderRule,
} from '../src/outputs/hostHeaders.ts';
import { siteOrigin } from '../src/checks/builtSite.ts';
import { DEFAULT_PORT, isLocalOrigin } from '../src/site/origin.ts';

/** The origin (with its `/`) the build in `dir` was made for, read from its home page, or undefined where it has none. */
export function builtOrigin(dir: string): string | undefined {
  try {
    return `${siteOrigin(dir)}/`;
  } catch {
    return undefined;
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The request's path, %-decoded where it can be, for choosing a not-found page. */
function decoded(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The file suffix of each content encoding's precompressed copy. */
const SUFFIX = { br: '.br', gzip: '.gz' } as const;

/** The request target as the client sent it, before a folder's URL was pointed at its index.html. */
const originalUrl = new WeakMap<IncomingMessage, string>();
/** The folder URL a response answers, where the request was pointed at the folder's index.html. */
const requested = new WeakMap<ServerResponse, string>();

/**
 * The request handler for the build in `root`. sirv (not in dev mode) lists the folder's files
 * once and serves only those, looked up by name: a path that is not one of them, in any encoding
 * (`..`, `%2e%2e`, `%252e`, backslashes, NUL), names nothing and gets the not-found page, so no
 * file outside the folder can be reached. It also picks the `.br` or `.gz` copy the client accepts.
 */
function handlerFor(root: string, compress: boolean): Handler {
  const rulesFile = join(root, '_headers');
  const rules: HeaderRule[] = existsSync(rulesFile) ? parseHeadersFile(readFileSync(rulesFile, 'utf8')) : [];
  const setHeaders = (res: ServerResponse, path: string) => {
    for (const [k, v] of matchHeaders(rules, path)) res.setHeader(k, v);
  };
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = notFoundPage(decoded(originalUrl.get(req) ?? req.url ?? '/'));
    const file = join(root, page);
    setHeaders(res, page);
    // The page's compressed copy where the client takes it, as nginx sends it.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = compress
      ? (['br', 'gzip'] as const).find((e) => new RegExp(`\\b${e}\\b`).test(accepts) && existsSync(file + SUFFIX[e]))
      : undefined;
    const body = encoding ? file + SUFFIX[encoding] : file;
    res.writeHead(404, {
      'content-type': contentType(page),
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...(compress ? { vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : existsSync(body) ? readFileSync(body) : 'Not found');
  };
  const files = sirv(root, {
    dev: false,
    etag: true,
    gzip: compress,
    brotli: compress,
    extensions: [],
    dotfiles: false,
    setHeaders: (res, path) => {
      // sirv's own type table lacks Pagefind's files and charsets: use the one nginx is given.
      res.setHeader('Content-Type', contentType(path));
      // Headers by the path the client asked for (`/a/`, not the `/a/index.html` it was pointed at), as hosts match them.
      setHeaders(res, requested.get(res) ?? path);
    },
    onNoMatch: notFound,
  });
  return (req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    if (isHostOnly(decoded(path))) return notFound(req, res);
    originalUrl.set(req, req.url ?? '/');
    if (path.endsWith('/')) {
      requested.set(res, decoded(path));
      // A folder's URL is its index.html, and only that (no `/a` → a.html guessing, as in nginx).
      req.url = `${path}index.html`;
    } else if (/^\/[\w/.-]*$/.test(path) && !path.includes('..') && existsSync(join(root, path, 'index.html'))) {
      // As nginx does: a folder's URL without its slash is redirected to the URL with it. (The
      // path is plain characters without `..`, so this looks inside root only.)
      // With the folder's headers (`_headers` has rules for `/a/`, none for `/a`), as nginx's location gives them.
      setHeaders(res, `${path}/`);
      res.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    files(req, res);
  };
}

/**
 * Starts a static server for the built site `dir` on 127.0.0.1:`port` (0 picks a free port);
 * resolves to it and its URL. `compress` (default on) sends the precompressed `.br`/`.gz` copy
 * to clients that accept it, as the production host does; off, every file is sent as it is.
 * When `dir` is replaced by a new build (scripts/buildSite.ts swaps the folder in), the next
 * request lists the new folder's files.
 */
export function serveDir(
  dir: string,
  port = 0,
  { compress = true }: { compress?: boolean } = {},
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  let inode = statSync(root).ino;
  let handle = handlerFor(root, compress);
  const server = createServer((req, res) => {
    const now = existsSync(root) ? statSync(root).ino : inode;
    if (now !== inode) [inode, handle] = [now, handlerFor(root, compress)];
    handle(req, res);
  });
  return new Promise((ok, fail) => {
    // A port already taken (another npm start, say) is reported, not waited on forever.
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new Error(`port ${port} on 127.0.0.1 is in use: stop what serves there or pick another port`)
          : e,
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/` });
    });
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      port: { type: 'string' },
      'no-compress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`Usage: npm run serve [-- --dir dist --port 4321 --no-compress]

Serves the built site on http://127.0.0.1:PORT/ (loopback only) until stopped, with the headers of
its _headers file and its precompressed .br/.gz copies (--no-compress: files as they are).`);
    process.exit(0);
  }
  const dir = values.dir ?? 'dist';
  if (!existsSync(dir)) {
    console.error(`serve: ${dir}/ does not exist: run npm run build first.`);
    process.exit(1);
  }
  if (!existsSync(join(dir, '_headers')))
    console.warn(
      `serve: ${dir}/_headers is missing (a build older than the host files?): serving without its headers.`,
    );
  const { url } = await serveDir(dir, Number(values.port ?? process.env.PORT ?? DEFAULT_PORT), {
    compress: !values['no-compress'],
  });
  console.log(`Serving ${dir}/ at ${url}  (Ctrl+C to stop)`);
  const built = builtOrigin(dir);
  // Embed codes, citations and PNG footers name the origin the build was made for: say where that is not this server.
  if (built && built !== url)
    console.warn(
      `serve: ${dir}/ was built for ${built}, so its embed codes, citations and PNG footers point there, not here${
        isLocalOrigin(built)
          ? ` (build again with PORT=${new URL(url).port}, or serve on port ${new URL(built).port})`
          : ''
      }.`,
    );
}
