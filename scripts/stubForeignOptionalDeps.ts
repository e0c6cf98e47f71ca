/**
 * Writes stub entries into package-lock.json for optional platform packages (other OSes and CPUs)
 * that the npm mirror of this workplace does not serve, so `npm ci` accepts the lock. npm skips
 * a stub on install because its `os`/`cpu` do not match this machine. Run after `npm install`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    'Usage: node scripts/stubForeignOptionalDeps.ts\nAdds os/cpu stub entries to package-lock.json for optional dependencies missing from it; prints what it added.',
  );
  process.exit(0);
}
type Entry = {
  version?: string;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  optional?: boolean;
  libc?: string[];
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Entry> };
const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'openbsd',
  'netbsd',
  'sunos',
  'win32',
  'aix',
  'openharmony',
  'wasi',
];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'riscv64', 's390x', 'ppc64', 'loong64', 'mips64el', 'wasm32'];
const added: string[] = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === '' ? '' : `${path}/`;
    const key = `${base}node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.toLowerCase().split(/[-/]/);
    const os = OS.filter((o) => parts.includes(o) || (o === 'win32' && parts.includes('windows')));
    const cpu = CPU.filter((c) => parts.includes(c));
    // A package whose name names no platform is still skipped: "none" matches no machine.
    lock.packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~]/, ''),
      optional: true,
      os: os.length ? os : ['none'],
      cpu: cpu.length ? cpu : ['none'],
    };
    added.push(name);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `stubbed ${added.length}: ${added.join(', ')}` : 'nothing to stub');
