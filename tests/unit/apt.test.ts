// The installers on a busy machine: every apt-get they run waits for another install's locks
// (scripts/lib/apt.ts) instead of failing at once. Locks are taken on temporary files only,
// never on the system's.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aptGet, aptGetArgs, LOCK_WAIT_S, lockHolder, waitForLocks } from '../../scripts/lib/apt.ts';
import { tempDir } from '../lib/tempDir.ts';

const TIMEOUT = `DPkg::Lock::Timeout=${LOCK_WAIT_S}`;
const hasPython = spawnSync('python3', ['-c', 'import fcntl'], { stdio: 'ignore' }).status === 0;

/**
 * Holds an fcntl lock on `file`, as apt does, for `seconds`; resolves once it is held, with the
 * holder's pid and `releasing`: the time (ns since the epoch) just before it let go.
 */
async function holdLock(file: string, seconds: number) {
  const child = spawn(
    'python3',
    [
      '-c',
      [
        'import fcntl, sys, time',
        'f = open(sys.argv[1], "w")',
        'fcntl.lockf(f, fcntl.LOCK_EX)',
        'print("held", flush=True)',
        'time.sleep(float(sys.argv[2]))',
        'print(time.time_ns(), flush=True)',
      ].join('\n'),
      file,
      String(seconds),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  await new Promise<void>((ok, fail) => {
    child.stdout.once('data', () => ok());
    exited.then(() => fail(new Error(`python3 exited before holding ${file}`)));
  });
  return { pid: child.pid!, releasing: exited.then(() => BigInt(out.split('\n')[1]!)) };
}

/**
 * A stand-in for apt-get that appends its arguments, one call a line, to `log`, and the time it
 * started (ns since the epoch) to `started`.
 */
function fakeAptGet(dir: string): { bin: string; log: string; started: string } {
  const bin = join(dir, 'apt-get');
  const log = join(dir, 'calls.log');
  const started = join(dir, 'started.log');
  writeFileSync(bin, `#!/bin/sh\ndate +%s%N >> '${started}'\nprintf '%s\\n' "$*" >> '${log}'\n`);
  chmodSync(bin, 0o755);
  return { bin, log, started };
}

test('apt-get update and install both wait for dpkg’s lock', () => {
  for (const args of [aptGetArgs('update'), aptGetArgs('install', ['nginx', 'chromium'])]) {
    const i = args.indexOf(TIMEOUT);
    assert.ok(i > 0 && args[i - 1] === '-o', `${args.join(' ')} carries -o ${TIMEOUT}`);
  }
  assert.deepEqual(aptGetArgs('install', ['nginx', 'chromium']).slice(-2), ['nginx', 'chromium']);
});

test('aptGet runs apt-get with the lock timeout, directly and inside a shell wrapper', () => {
  const dir = tempDir('apt-');
  const { bin, log } = fakeAptGet(dir);
  const free = join(dir, 'lock');
  writeFileSync(free, '');
  assert.equal(aptGet('test', 'update', [], { bin, locks: [free] }), 0);
  assert.equal(aptGet('test', 'install', ['nginx'], { bin, locks: [free], shell: (line) => `true && ${line}` }), 0);
  const calls = readFileSync(log, 'utf8').trim().split('\n');
  assert.equal(calls.length, 2, calls.join('\n'));
  for (const call of calls) assert.ok(call.includes(`-o ${TIMEOUT}`), call);
  assert.match(calls[1]!, /^install .* nginx$/);
});

test('ensureBrowser and ensureNginx run apt-get only through aptGet', () => {
  for (const file of ['scripts/lib/ensureBrowser.ts', 'scripts/lib/ensureNginx.ts']) {
    const src = readFileSync(file, 'utf8');
    assert.match(src, /\baptGet\('ensure\w+', 'install'/, `${file} installs through aptGet`);
    assert.doesNotMatch(src, /\b(spawn|exec)(Sync)?\(\s*['"`](apt-get|sh)\b/, `${file} starts apt-get itself`);
  }
});

test('lockHolder reads the holder of a file’s lock from /proc/locks, not its waiters or flock()s', () => {
  const file = join(tempDir('apt-'), 'lock');
  writeFileSync(file, '');
  const { dev, ino } = statSync(file, { bigint: true });
  const id = `${((dev >> 8n) & 0xfffn).toString(16).padStart(2, '0')}:${((dev & 0xffn) | ((dev >> 12n) & 0xfff00n)).toString(16).padStart(2, '0')}:${ino}`;
  assert.deepEqual(lockHolder(file, `1: POSIX  ADVISORY  WRITE 4321 ${id} 0 EOF\n`), { pid: 4321 });
  assert.deepEqual(lockHolder(file, `1: OFDLCK ADVISORY  WRITE -1 ${id} 0 EOF\n`), { pid: 0 });
  assert.equal(lockHolder(file, `1: POSIX  ADVISORY  WRITE 4321 ${id}9 0 EOF\n`), undefined, 'another inode');
  assert.equal(lockHolder(file, `1: -> POSIX  ADVISORY  WRITE 4321 ${id} 0 EOF\n`), undefined, 'a waiter');
  assert.equal(
    lockHolder(file, `1: FLOCK  ADVISORY  WRITE 4321 ${id} 0 EOF\n`),
    undefined,
    'flock() is not apt’s lock',
  );
  assert.equal(lockHolder(join(file, 'none'), `1: POSIX  ADVISORY  WRITE 4321 ${id} 0 EOF\n`), undefined);
});

test('aptGet waits for a lock another process holds, says so, and runs apt-get once it is free', {
  skip: !hasPython && 'python3 is not installed: nothing here can take an fcntl lock',
}, async (t) => {
  const dir = tempDir('apt-');
  const { bin, log, started } = fakeAptGet(dir);
  const lock = join(dir, 'lock');
  const holder = await holdLock(lock, 1.5);
  assert.deepEqual(lockHolder(lock), { pid: holder.pid });
  const said = t.mock.method(console, 'log', () => {});
  assert.equal(aptGet('test', 'update', [], { bin, locks: [lock], pollMs: 50 }), 0);
  const releasing = await holder.releasing;
  const lines = said.mock.calls.map((c) => String(c.arguments[0]));
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(
    lines[0]!,
    new RegExp(`^test: waiting for ${lock}, held by process ${holder.pid} \\(python[\\d.]*\\): another install`),
  );
  const ran = BigInt(readFileSync(started, 'utf8').trim());
  assert.ok(ran > releasing, `apt-get started ${(releasing - ran) / 1_000_000n} ms before the lock was let go`);
  assert.match(readFileSync(log, 'utf8'), new RegExp(`^update .*-o ${TIMEOUT}`));
});

test('waitForLocks gives up after its time, and says on what', {
  skip: !hasPython && 'python3 is not installed: nothing here can take an fcntl lock',
}, async (t) => {
  const lock = join(tempDir('apt-'), 'lock');
  const holder = await holdLock(lock, 2);
  t.mock.method(console, 'log', () => {});
  const err = t.mock.method(console, 'error', () => {});
  assert.equal(waitForLocks('test', [lock], 0.2, 50), false);
  assert.match(String(err.mock.calls[0]?.arguments[0]), new RegExp(`^test: gave up after 0.2 s waiting for ${lock}`));
  await holder.releasing;
  assert.equal(waitForLocks('test', [lock], 0.2, 50), true, 'free once its holder has exited');
});
