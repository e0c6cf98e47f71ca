/**
 * Path traversal payloads and a raw HTTP client for them: the servers' tests (local server and
 * nginx) plant secret files beside and above the folder they serve and send every payload.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';

/** Text of the planted files: no response may contain it. */
export const SECRET = 'SECRET-d1e5a0b7-not-for-the-web';

/**
 * Plants the secrets around the served folder `served`: a sibling whose name starts with the
 * folder's (`dist-private/`, the old server's leak), a file in the parent and one two levels up.
 */
export function plantSecrets(served: string): void {
  const parent = dirname(served);
  const base = served.slice(parent.length + 1);
  mkdirSync(join(parent, `${base}-private`), { recursive: true });
  writeFileSync(join(parent, `${base}-private`, 'secret.txt'), SECRET);
  writeFileSync(join(parent, 'secret.txt'), SECRET);
}

/**
 * Request targets, exactly as sent, that try to leave the served folder (called `dist` here; the
 * tests serve a folder of that name): raw `..`, percent-encoded, mixed, double-encoded, overlong
 * UTF-8, backslashes raw and encoded, NUL raw and encoded, from the root and from `/en/`, and
 * the absolute path of a system file.
 */
export const TRAVERSAL_PAYLOADS = [
  '/../dist-private/secret.txt',
  '/../secret.txt',
  '/../../../../../../../../etc/passwd',
  '/./../secret.txt',
  '/en/../../secret.txt',
  '/../dist/../dist-private/secret.txt',
  '/%2e%2e/dist-private/secret.txt',
  '/%2E%2E/secret.txt',
  '/.%2e/dist-private/secret.txt',
  '/%2e./secret.txt',
  '/%2e%2e%2fdist-private%2fsecret.txt',
  '/..%2fsecret.txt',
  '/en/%2e%2e/%2e%2e/secret.txt',
  '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/%252e%252e/dist-private/secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/%25%32%65%25%32%65/secret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/..%c0%afsecret.txt',
  '/..\\secret.txt',
  '/..\\dist-private\\secret.txt',
  '/\\..\\secret.txt',
  '/..%5csecret.txt',
  '/%5c..%5cdist-private%5csecret.txt',
  '/..%255csecret.txt',
  '/..%00/secret.txt',
  '/%00../secret.txt',
  '/../secret.txt%00',
  '/../secret.txt%00.html',
  '/..\0/secret.txt',
  '//etc/passwd',
  '/%2fetc%2fpasswd',
  'http://127.0.0.1/../secret.txt',
];

/** What a raw request got back. */
export interface RawResponse {
  status: number;
  head: string;
  raw: string;
}

/**
 * Sends one GET with the request target byte for byte (no client normalises it) over a new
 * connection to 127.0.0.1:`port`; resolves with the status (0 if none) and the whole response.
 * Gives up after `ms` milliseconds.
 */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}, ms = 5000) {
  return new Promise<RawResponse>((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`rawGet ${JSON.stringify(target)}: no answer in ${ms} ms`));
    }, ms);
    socket.on('connect', () => {
      const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
      socket.write(
        Buffer.from(
          `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra.join('')}Connection: close\r\n\r\n`,
          'latin1',
        ),
      );
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {}); // a server may reset the connection on a malformed request: that is an answer
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks).toString('latin1');
      const head = raw.split('\r\n\r\n')[0] ?? '';
      ok({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0), head, raw });
    });
  });
}
