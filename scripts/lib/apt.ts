/**
 * apt-get for the installers (ensureBrowser.ts, ensureNginx.ts) on a machine where another
 * install may be running: each call waits for the apt and dpkg locks that install holds, saying
 * so, instead of failing at once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** How long to wait for another install's lock, in seconds. */
export const LOCK_WAIT_S = 600;

/** The locks each apt-get command takes: `update` the package lists', `install` dpkg's and the download cache's. */
export const LOCKS = {
  update: ['/var/lib/apt/lists/lock'],
  install: ['/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/cache/apt/archives/lock'],
} as const;

/**
 * apt-get's arguments for `update`, or for installing `packages`. Each carries
 * `DPkg::Lock::Timeout`: without it apt-get fails at once when another process holds dpkg's lock.
 */
export function aptGetArgs(command: 'update' | 'install', packages: readonly string[] = []): string[] {
  const wait = ['-o', `DPkg::Lock::Timeout=${LOCK_WAIT_S}`];
  return command === 'update' ? ['update', '-qq', ...wait] : ['install', '-y', '-qq', ...wait, ...packages];
}

/**
 * The process holding a POSIX (fcntl) lock on `file`, as /proc/locks lists it (`locks`: that
 * text): `{ pid }` (0 where the holder is outside this pid namespace), or undefined when none does
 * or the file does not exist.
 */
export function lockHolder(file: string, locks = readLocks()): { pid: number } | undefined {
  if (!existsSync(file)) return undefined;
  const { dev, ino } = statSync(file, { bigint: true });
  // /proc/locks prints the kernel's device number as MAJOR:MINOR in hex; stat gives the encoded one.
  const major = (dev >> 8n) & 0xfffn;
  const minor = (dev & 0xffn) | ((dev >> 12n) & 0xfff00n);
  for (const line of locks.split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 1234 fe:00:5603383 0 EOF"; "1: -> POSIX ..." is a waiter, not a holder.
    const m = /^\d+:\s+(POSIX|OFDLCK)\s+\S+\s+\S+\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (m && BigInt(`0x${m[3]}`) === major && BigInt(`0x${m[4]}`) === minor && BigInt(m[5]!) === ino)
      return { pid: Math.max(0, Number(m[2])) };
  }
  return undefined;
}

function readLocks(): string {
  try {
    return readFileSync('/proc/locks', 'utf8');
  } catch {
    // Not Linux: apt-get's own lock handling has to do.
    return '';
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Blocks until no process holds a lock on any of `files`, looking every `pollMs` and printing
 * `who: waiting for …` whenever it finds another process holding one. Returns false if one is
 * still held after `seconds`.
 */
export function waitForLocks(who: string, files: readonly string[], seconds = LOCK_WAIT_S, pollMs = 1000): boolean {
  const until = Date.now() + seconds * 1000;
  let told = '';
  for (;;) {
    const locks = readLocks();
    const held = files.map((file) => ({ file, holder: lockHolder(file, locks) })).find((l) => l.holder);
    if (!held) return true;
    const { pid } = held.holder!;
    const what = `${held.file}, held by process ${pid || '?'} (${pid ? processName(pid) : 'unknown'})`;
    if (what !== told) {
      console.log(`${who}: waiting for ${what}: another install is running (up to ${seconds} s)`);
      told = what;
    }
    if (Date.now() >= until) {
      console.error(`${who}: gave up after ${seconds} s waiting for ${what}`);
      return false;
    }
    pause(pollMs);
  }
}

/**
 * Runs apt-get (as root; `bin`, the binary) for `command` once no other process holds the locks
 * that command takes (`locks`), and returns its exit status (null if it never ran). `shell` wraps the
 * command line for `sh -c`, to do something around it. If apt-get fails while another process
 * holds one of those locks (taken between the wait and apt-get's start), waits again and retries once.
 */
export function aptGet(
  who: string,
  command: 'update' | 'install',
  packages: readonly string[] = [],
  {
    env = process.env,
    shell,
    bin = 'apt-get',
    locks = LOCKS[command],
    pollMs = 1000,
  }: {
    env?: NodeJS.ProcessEnv;
    shell?: (line: string) => string;
    bin?: string;
    locks?: readonly string[];
    pollMs?: number;
  } = {},
): number | null {
  const args = aptGetArgs(command, packages);
  let status: number | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!waitForLocks(who, locks, LOCK_WAIT_S, pollMs)) return null;
    const r = shell
      ? spawnSync('sh', ['-c', shell([bin, ...args].join(' '))], { stdio: 'inherit', env })
      : spawnSync(bin, args, { stdio: 'inherit', env });
    status = r.status;
    // Another install may have taken a lock between the wait and apt-get's start.
    if (status === 0 || !locks.some((f) => lockHolder(f))) break;
  }
  return status;
}
