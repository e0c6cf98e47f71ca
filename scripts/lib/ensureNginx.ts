/**
 * Makes sure Debian's nginx and its Brotli static module are installed, for the hosting test:
 * installs them with apt when running as root (waiting for another install to finish),
 * otherwise fails with the command to run. As a script it exits 0 or 1; `ensureNginx()` returns
 * the nginx binary or why there is none.
 */
import { existsSync } from 'node:fs';
import { aptGet } from './apt.ts';

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
  const ok =
    aptGet('ensureNginx', 'update', [], { env }) === 0 &&
    aptGet('ensureNginx', 'install', need, {
      env,
      // Only where the machine has no policy-rc.d of its own, and only that one is removed. aptGet
      // starts this once no other install holds dpkg's lock, so it does not take the policy-rc.d
      // of another ensureNginx, still installing, for the machine's own.
      shell: (aptGetInstall) =>
        'p=/usr/sbin/policy-rc.d; mine=; if [ ! -e $p ]; then printf "#!/bin/sh\\nexit 101\\n" > $p && chmod +x $p && mine=1; fi; ' +
        `${aptGetInstall}; s=$?; [ -n "$mine" ] && rm -f $p; exit $s`,
    }) === 0;
  if (!ok || missing().length > 0) return { why: `apt-get could not install ${need.join(', ')}` };
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
