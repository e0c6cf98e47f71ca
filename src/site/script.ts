/**
 * Script conversion for derived editions (`Edition.convert`): OpenCC's phrase-level conversion
 * (for the Traditional edition `s2twp`: Simplified → Traditional with Taiwan's phrases), then
 * the editor's override table in `content/editions/`, then the edition's quotation marks. Text in
 * markup is converted except where the markup says it must stay as written: inside an element
 * with `translate="no"` (a quoted locator keeps the script its source is printed in) or with a
 * `lang` other than the page's (the language switch names each edition in its own script).
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import * as OpenCC from 'opencc-js';
import { CONTENT_DIR } from '../dataset/dataset.ts';
import { edition, type Lang, type ScriptConversion } from './editions.ts';

/** The editor's override table of one conversion: Simplified phrase → the phrase to print. */
export function overrideTable(conv: ScriptConversion, dir = `${CONTENT_DIR}/editions`): Record<string, string> {
  const file = `${dir}/${conv.overrides}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const table = (raw as { overrides?: unknown }).overrides;
  if (!table || typeof table !== 'object' || Object.values(table).some((v) => typeof v !== 'string'))
    throw new Error(`${file}: expected { "overrides": { "<Simplified phrase>": "<phrase to print>" } }`);
  // convertMarkup converts the text between markup characters piece by piece.
  const marked = Object.keys(table).find((k) => /[<>]/.test(k));
  if (marked !== undefined) throw new Error(`${file}: the phrase "${marked}" holds < or >, which no phrase may`);
  return table as Record<string, string>;
}

/** The plain OpenCC converter of a conversion, without overrides (for the override table's test). */
export function openccConverter(conv: ScriptConversion): (s: string) => string {
  const to = { s2twp: 'twp', s2tw: 'tw', s2hk: 'hk', s2t: 't' }[conv.opencc] as 'twp' | 'tw' | 'hk' | 't';
  return OpenCC.Converter({ from: 'cn', to });
}

// Private-use code points stand in for overridden phrases while OpenCC runs, so that it
// neither converts them nor joins them into a longer phrase of its own.
const PUA = 0xe000;

/** A converter for `conv` with its override table `overrides` and quotation marks. */
export function makeConverter(conv: ScriptConversion, table: Record<string, string>): (s: string) => string {
  const opencc = openccConverter(conv);
  // Text the editors wrote in Traditional (a glossary headword, a Traditional source's title)
  // passes through the converter too, and OpenCC's phrase table rewrites it alike (社區 → 社群):
  // each entry also holds for its phrase in Traditional characters.
  const chars = OpenCC.Converter({ from: 'cn', to: 't' });
  const overrides: Record<string, string> = { ...table };
  for (const [k, v] of Object.entries(table)) overrides[chars(k)] ??= v;
  const keys = Object.keys(overrides).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const re = keys.length ? new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  const back = new RegExp(`[\\u{${PUA.toString(16)}}-\\u{${(PUA + Math.max(keys.length - 1, 0)).toString(16)}}]`, 'gu');
  const index = new Map(keys.map((k, i) => [k, i]));
  const quotes = conv.quotes ? [...conv.quotes] : undefined;
  return (s) => {
    if (!CONVERTIBLE.test(s)) return s;
    let out = re ? s.replace(re, (m) => String.fromCodePoint(PUA + index.get(m)!)) : s;
    out = opencc(out);
    if (re) out = out.replace(back, (c) => overrides[keys[c.codePointAt(0)! - PUA]!]!);
    if (quotes) out = out.replace(/[“”‘’]/g, (q) => quotes['“”‘’'.indexOf(q)]!);
    return out;
  };
}

const converters = new Map<string, (s: string) => string>();

/**
 * The text converter of edition `lang`: the identity for an edition that prints its content as
 * written; else its conversion, memoised for short texts (a build converts the same labels thousands of times).
 */
export function converterOf(lang: Lang): (s: string) => string {
  const conv = edition(lang).convert;
  if (!conv) return (s) => s;
  let c = converters.get(lang);
  if (!c) {
    const raw = makeConverter(conv, overrideTable(conv));
    const memo = new Map<string, string>();
    c = (s) => {
      if (s.length > 256) return raw(s);
      let out = memo.get(s);
      if (out === undefined) {
        out = raw(s);
        if (memo.size > 50_000) memo.clear();
        memo.set(s, out);
      }
      return out;
    };
    converters.set(lang, c);
  }
  return c;
}

/** Whether edition `lang` converts the text of its content language. */
export function converts(lang: Lang): boolean {
  return edition(lang).convert !== undefined;
}

/** Converts plain text for edition `lang`. */
export function convertText(lang: Lang, s: string): string {
  return converterOf(lang)(s);
}

/**
 * Converts the text of an HTML or SVG document (`xml` for SVG and feeds) for edition `lang`:
 * text, attribute values and comments alike (the conversion changes only Han characters and
 * quotation marks, so names and addresses in ASCII are untouched), except the elements marked
 * `translate="no"` or with a `lang` other than the edition's, attributes and content.
 */
export function convertMarkup(lang: Lang, markup: string, { xml = false } = {}): string {
  const convert = converterOf(lang);
  if (!converts(lang)) return markup;
  const own = edition(lang).htmlLang;
  // Ranges [start, end) of the document to leave as written.
  const keep: [number, number][] = [];
  const stack: { name: string; keeps: boolean }[] = [];
  let keptDepth = 0;
  let keepStart = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const l = attrs.lang ?? attrs['xml:lang'];
        const keeps = attrs.translate === 'no' || (l !== undefined && name !== 'html' && l !== own);
        stack.push({ name, keeps });
        // From its start tag on: a title or label on the element is in its language too.
        if (keeps && keptDepth++ === 0) keepStart = parser.startIndex;
      },
      onclosetag(name) {
        const top = stack.pop();
        if (!top || top.name !== name) return;
        if (top.keeps && --keptDepth === 0) keep.push([keepStart, parser.startIndex]);
      },
    },
    { xmlMode: xml, recognizeSelfClosing: true, decodeEntities: true },
  );
  parser.end(markup);
  const pieces = (s: string) => s.replace(BETWEEN_MARKS, (t) => (CONVERTIBLE.test(t) ? convert(t) : t));
  if (keep.length === 0) return pieces(markup);
  let out = '';
  let at = 0;
  for (const [from, to] of keep) {
    if (to < from) continue;
    out += pieces(markup.slice(at, from)) + markup.slice(from, to);
    at = to;
  }
  return out + pieces(markup.slice(at));
}

// OpenCC matches a phrase only within characters of its dictionary, and neither its phrases nor
// the overrides (overrideTable checks) hold < or >: converting each run between them alone
// prints what converting the whole document does, and lets the memo serve the labels and tags
// every page repeats instead of running OpenCC over whole pages.
const BETWEEN_MARKS = /[^<>]+/g;
const CONVERTIBLE = /[\u3400-\u9fff\uf900-\ufaff“”‘’]/;

const MARKUP_TYPES = /^(text\/html|image\/svg\+xml|application\/rss\+xml|application\/xml)\b/;
const TEXT_TYPES =
  /^(text\/csv|text\/plain|application\/json|application\/json\+oembed|application\/x-research-info-systems)\b/;

/** Whether a response of media type `type` is converted where it is published: markup and text are, images are not. */
export function convertsType(type: string): boolean {
  return MARKUP_TYPES.test(type) || TEXT_TYPES.test(type);
}

/**
 * A response body of media type `type` for edition `lang`: HTML, SVG and feeds converted as
 * markup, CSV, JSON and plain text as text, anything else (and every body of an edition that
 * converts nothing) as it is.
 */
export function convertBody(lang: Lang, type: string, body: string): string {
  if (!converts(lang)) return body;
  if (MARKUP_TYPES.test(type)) return convertMarkup(lang, body, { xml: !type.startsWith('text/html') });
  return TEXT_TYPES.test(type) ? convertText(lang, body) : body;
}

/**
 * The header of a response that is already in its edition's script and must be published as it
 * is: a frozen release's kept file, converted once when the release was made (src/dataset/kept.ts).
 */
export const PUBLISHED_AS_IS = 'x-published-as-is';
