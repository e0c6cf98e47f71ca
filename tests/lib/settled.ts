/**
 * Waits for a page or an embedded frame to be ready to measure, on events and conditions rather
 * than fixed delays (a delay long enough on an idle machine is too short on a busy one): its
 * document has loaded, its web fonts are in, and its height held over two animation frames.
 */
import type { ElementHandle, Frame, Page } from 'playwright-core';

/**
 * Resolves with the height of `target`'s root element (CSS px, rounded up) once its document
 * has loaded, its fonts are ready and that height is the same on two consecutive animation
 * frames. Fails if that has not happened in `ms` milliseconds. A frame must be in view: Chromium
 * runs no animation frames in a cross-origin frame out of view (`settledFrame` scrolls to it).
 */
export async function settledHeight(target: Page | Frame, ms = 30_000): Promise<number> {
  await target.waitForLoadState('load', { timeout: ms });
  const settled = await target.waitForFunction(
    () => {
      // Polled once per animation frame; the previous frame's height is kept on the window.
      const w = window as typeof window & { settledHeightBefore?: number };
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      const same = height === w.settledHeightBefore;
      w.settledHeightBefore = height;
      return same && document.readyState === 'complete' && document.fonts.status === 'loaded' && { height };
    },
    undefined,
    { polling: 'raf', timeout: ms },
  );
  return ((await settled.jsonValue()) as { height: number }).height;
}

/**
 * The frame shown by `iframe`, once the document its `src` names has loaded and settled (see
 * `settledHeight`), scrolled into view first. A lazy iframe starts on an empty document of its
 * own, already loaded, and fetches its page only once it comes near the view; the host's load
 * event does not wait for a lazy frame that had not started by then. So neither that event nor
 * the frame's own load state says its page is in.
 */
export async function settledFrame(iframe: ElementHandle, ms = 30_000): Promise<Frame> {
  const src = await iframe.evaluate((e) => (e as HTMLIFrameElement).src);
  const frame = await iframe.contentFrame();
  if (!src || !frame) throw new Error('settledFrame: not an iframe with a src');
  await iframe.scrollIntoViewIfNeeded({ timeout: ms });
  await frame.waitForURL((url) => url.href === src, { timeout: ms, waitUntil: 'load' });
  await settledHeight(frame, ms);
  return frame;
}
