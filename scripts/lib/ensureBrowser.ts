/**
 * Makes sure Debian's chromium and the Noto CJK fonts are installed: installs them with apt when
 * running as root (waiting for another install to finish), otherwise fails with the command to
 * run. npm cannot install these.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptGet } from './apt.ts';

/** Path of the browser the tests drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasCjkFont(): boolean {
  try {
    return /Noto (Sans|Serif) CJK/.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

if (import.meta.main) {
  const missing = [!existsSync(CHROMIUM) && 'chromium', !hasCjkFont() && 'fonts-noto-cjk'].filter(Boolean) as string[];
  if (missing.length === 0) {
    console.log(`ensureBrowser: ${CHROMIUM} and Noto CJK fonts are present`);
    process.exit(0);
  }
  if (process.getuid?.() !== 0) {
    console.error(
      `ensureBrowser: missing ${missing.join(', ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`ensureBrowser: installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    aptGet('ensureBrowser', 'update', [], { env }) === 0 && aptGet('ensureBrowser', 'install', missing, { env }) === 0;
  if (!ok || !existsSync(CHROMIUM)) {
    console.error(`ensureBrowser: apt-get could not install ${missing.join(', ')}`);
    process.exit(1);
  }
  console.log('ensureBrowser: installed');
}
