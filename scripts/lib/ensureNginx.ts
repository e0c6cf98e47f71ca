/**
 * Makes sure Debian's nginx and its Brotli static module are installed, for the hosting test:
 * installs them with apt when running as root, otherwise fails with the command to run. As a
 * script it exits 0 or 1; `ensureNginx()` returns the nginx binary or why there is none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The nginx binary the hosting test runs. */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Debian's Brotli static module: where it installs, and its `load_module` line's file. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** The Debian packages: nginx itself and the module that serves the .br copies. */
export const PACKAGES = ['nginx', 'libnginx-mod-http-brotli-static'];

const missing = () =>
  [!existsSync(NGINX) && 'nginx', !existsSync(BROTLI_MODULE) && PACKAGES[1]!].filter(Boolean) as string[];

/**
 * Installs what is missing (as root, with apt-get; the package's own service is not started) and
 * returns `{ nginx }`, or `{ why }` with the command a non-root user must run.
 */
export function ensureNginx(): { nginx: string; why?: undefined } | { nginx?: undefined; why: string } {
  const need = missing();
  if (need.length === 0) return { nginx: NGINX };
  const command = `sudo apt-get install -y ${need.join(' ')}`;
  if (process.getuid?.() !== 0) return { why: `missing ${need.join(', ')}; install with: ${command}` };
  console.log(`ensureNginx: installing ${need.join(', ')} with apt-get`);
  // policy-rc.d's exit 101 is Debian's way to keep an installed package's service from starting:
  // the test runs its own nginx on a loopback port, and the machine's port 80 stays free.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
  const up = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const inst =
    up.status === 0
      ? spawnSync(
          'sh',
          [
            '-c',
            // Only where the machine has no policy-rc.d of its own, and only that one is removed.
            'p=/usr/sbin/policy-rc.d; mine=; if [ ! -e $p ]; then printf "#!/bin/sh\\nexit 101\\n" > $p && chmod +x $p && mine=1; fi; ' +
              `apt-get install -y -qq ${need.join(' ')}; s=$?; [ -n "$mine" ] && rm -f $p; exit $s`,
          ],
          { stdio: 'inherit', env },
        )
      : undefined;
  if (inst?.status !== 0 || missing().length > 0) return { why: `apt-get could not install ${need.join(', ')}` };
  return { nginx: NGINX };
}

if (import.meta.main) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(`Usage: node scripts/lib/ensureNginx.ts

Checks for ${NGINX} and the Brotli static module; as root installs them (apt-get install ${PACKAGES.join(' ')}).`);
    process.exit(0);
  }
  const r = ensureNginx();
  if (r.why) {
    console.error(`ensureNginx: ${r.why}`);
    process.exit(1);
  }
  console.log(`ensureNginx: ${r.nginx} and the Brotli static module are present`);
}
