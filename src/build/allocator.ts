/**
 * The bundler's memory. Vite's bundler, Rolldown, is native code with its own allocator
 * (mimalloc), which reads `MIMALLOC_PURGE_DELAY` once, when it loads, and by default keeps memory
 * it freed: at 3,000 districts 1.9 GB of Astro's process for the whole of rendering. With the delay
 * at 0 it gives that back. But resvg (src/outputs/png.ts) has a mimalloc of its own, which loads
 * later, with the pages: with the delay at 0 it gives back and faults in again the 8 MB font it
 * reads for every run of text, and draws PNGs five times slower. So scripts/buildSite.ts starts
 * Astro with the delay at 0 for the bundler (`bundlerAllocatorEnv`), and astro.config.mjs puts
 * the caller's value back before bundling starts, once Rolldown has read it (`restoreAllocatorEnv`).
 */

/** The variable mimalloc reads: milliseconds before freed memory goes back to the system. */
export const PURGE_DELAY = 'MIMALLOC_PURGE_DELAY';
/** Where the caller's value waits while Astro loads: empty when the caller had none. */
const CALLERS_PURGE_DELAY = 'BUILD_MIMALLOC_PURGE_DELAY';

/** The variables to start Astro with, given the caller's environment `env`. */
export function bundlerAllocatorEnv(env: Record<string, string | undefined>): Record<string, string> {
  return { [PURGE_DELAY]: '0', [CALLERS_PURGE_DELAY]: env[PURGE_DELAY] ?? '' };
}

/**
 * Puts the caller's `MIMALLOC_PURGE_DELAY` back into `env` (Astro's `process.env`), for every
 * allocator loaded from now on; does nothing when Astro was not started by `bundlerAllocatorEnv`.
 */
export function restoreAllocatorEnv(env: Record<string, string | undefined>): void {
  const callers = env[CALLERS_PURGE_DELAY];
  if (callers === undefined) return;
  if (callers) env[PURGE_DELAY] = callers;
  else delete env[PURGE_DELAY];
  delete env[CALLERS_PURGE_DELAY];
}
