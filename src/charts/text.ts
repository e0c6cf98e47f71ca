/**
 * Text measuring and wrapping that knows CJK: Plot measures as U.S. English and wraps only at
 * spaces, so Chinese labels come out too narrow and unwrapped. Widths are in pixels. Pure.
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
// Punctuation that must not begin a line, and brackets that must not end one.
const NO_LINE_START = /[，。、；：！？）》」』】,.;:!?)%]/;
const NO_LINE_END = /[（《「『【(]$/;

/** Approximate advance of one character at `fontSize` px in a system sans-serif. */
export function charWidth(ch: string, fontSize: number): number {
  if (WIDE.test(ch)) return fontSize;
  if (ch === ' ') return fontSize * 0.3;
  // Generous Latin widths: the fallback sans on Linux (DejaVu Sans) is wide.
  if (/[il.,:;'|!]/.test(ch)) return fontSize * 0.34;
  if (/[mwMW%]/.test(ch)) return fontSize * 0.95;
  if (/[A-Z0-9]/.test(ch)) return fontSize * 0.72;
  return fontSize * 0.62;
}

/** Width of a one-line string in px; for multi-line text, the widest line. */
export function textWidth(s: string, fontSize: number): number {
  return Math.max(0, ...s.split('\n').map((line) => [...line].reduce((w, ch) => w + charWidth(ch, fontSize), 0)));
}

/**
 * Wraps `s` to lines no wider than `max` px: at spaces for Latin text, between any two CJK
 * characters otherwise, never putting closing punctuation at a line start. Returns lines joined by `\n`.
 */
export function wrapText(s: string, max: number, fontSize: number): string {
  const tokens = s.match(/[A-Za-z0-9.,%'’()\-–+/]+\s*|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const candidate = line + tok;
    if (line && textWidth(candidate.trimEnd(), fontSize) > max && !NO_LINE_START.test(tok[0]!)) {
      // Carry an opening bracket over to the new line with what it opens.
      const carry = NO_LINE_END.test(line) ? line.slice(-1) : '';
      lines.push(line.slice(0, line.length - carry.length).trimEnd());
      line = carry + tok.trimStart();
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.join('\n');
}

/**
 * `wrapText` with lines of even length: the narrowest width (px, at most `max`) that needs no more
 * lines than `max` does, so a short note never leaves one word alone on its last line.
 */
export function wrapBalanced(s: string, max: number, fontSize: number): string {
  const lines = wrapText(s, max, fontSize).split('\n').length;
  if (lines === 1) return s;
  let lo = 0,
    hi = max;
  while (hi - lo > 2) {
    const mid = (lo + hi) / 2;
    if (wrapText(s, mid, fontSize).split('\n').length <= lines) hi = mid;
    else lo = mid;
  }
  return wrapText(s, hi, fontSize);
}
