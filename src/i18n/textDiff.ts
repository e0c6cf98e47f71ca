/**
 * A changed value in words for people: any stored value as readable text (never JSON), and the
 * difference between two texts as runs kept, removed and added, by word for Latin text and by
 * character for Chinese (which sets no spaces between words). Diffing by jsdiff. Pure.
 */
import { diffChars, diffWordsWithSpace } from 'diff';

/** One run of a text difference: kept, removed (`del`) or added (`ins`). */
export interface DiffRun {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * `v` as readable text: strings, numbers and booleans as written, lists joined by `; `, a record's
 * fields as `name: value` joined by `; `; an absent value is `absent`.
 */
export function readableValue(v: unknown, absent: string): string {
  if (v === undefined || v === null) return absent;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => readableValue(x, absent)).join('; ');
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${readableValue(x, absent)}`)
    .join('; ');
}

/**
 * The runs that turn `before` into `after`: by character where either has Chinese, else by word.
 * What is kept between two changes is folded into them when it is only spaces, or a single
 * Chinese character, so a reworded phrase reads as one removal and one addition, not a word-by-word
 * alternation. A value added where there was none (or removed) is one run, not diffed against the
 * word for "none".
 */
export function textDiff(before: string, after: string, absent?: string): DiffRun[] {
  if (absent !== undefined && before === absent) return [{ kind: 'ins', text: after }];
  if (absent !== undefined && after === absent) return [{ kind: 'del', text: before }];
  const chinese = CJK.test(before) || CJK.test(after);
  const parts = chinese ? diffChars(before, after) : diffWordsWithSpace(before, after);
  const runs: DiffRun[] = parts
    .filter((p) => p.value !== '')
    .map((p) => ({ kind: p.added ? 'ins' : p.removed ? 'del' : 'same', text: p.value }));
  return foldShortKeeps(runs, chinese);
}

/** Changes separated only by spaces (or, in Chinese, by one character) become one removal and one addition. */
function foldShortKeeps(runs: DiffRun[], chinese: boolean): DiffRun[] {
  const out: DiffRun[] = [];
  let del = '',
    ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = ins = '';
  };
  runs.forEach((r, i) => {
    if (r.kind === 'del') del += r.text;
    else if (r.kind === 'ins') ins += r.text;
    else if (
      (del || ins) &&
      (/^\s+$/.test(r.text) || (chinese && [...r.text].length === 1)) &&
      runs[i + 1] &&
      runs[i + 1]!.kind !== 'same'
    ) {
      del += r.text;
      ins += r.text;
    } else {
      flush();
      out.push(r);
    }
  });
  flush();
  return out;
}
