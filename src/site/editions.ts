/**
 * The site's editions: the one place that knows which languages and scripts the site is
 * published in, and what differs between them. Everything else asks an edition (by its id,
 * `Lang`) for its content language, its `<html lang>`, its URL prefix, its name, its search
 * index language and its script conversion, and picks text with `pick`.
 *
 * An edition reads the text of one content language (`content`, a key of the dataset's
 * bilingual texts, of the string tables and of the case-study folders). A derived edition
 * (`convert`) reads another edition's content and converts its script where it is published:
 * pages, charts, downloads, feeds and search records (see `script.ts`).
 */
import type { Bilingual } from '../dataset/schemas.ts';

/** A content language: a key of the dataset's bilingual texts, of the string tables and of the case-study folders. */
export type ContentLang = keyof Bilingual;

/** A script conversion an edition applies to its content language's text. */
export interface ScriptConversion {
  /** OpenCC preset: `s2twp` is Simplified → Traditional with Taiwan's phrases and variants. */
  opencc: 's2twp' | 's2hk' | 's2tw' | 's2t';
  /** The editor's override table under `content/editions/` (Simplified phrase → the phrase to print). */
  overrides: string;
  /** Chinese quotation marks as the edition's readers write them, outer then inner: `「」『』`. */
  quotes?: string;
}

/** One edition of the site. */
export interface Edition {
  /** The edition's id in code, file names and golden SVGs: `zh`, `zh-Hant`, `en`. */
  id: string;
  /** `<html lang>` and `hreflang`: a BCP 47 tag. */
  htmlLang: string;
  /** The first path segment of its addresses (`en` → `/en/…`); `''` for the edition at the root. */
  prefix: string;
  /** Its name in its own script: the language switch's tooltip, other places that name it. */
  name: string;
  /** Its name in the language switch, in its own script, short enough for a phone's header. */
  short: string;
  /** The content language it reads: dataset texts, string table, case studies and pages. */
  content: ContentLang;
  /** The script its Chinese is printed in: which of a glossary term's headwords leads. */
  han: 'Hans' | 'Hant';
  /** `og:locale`. */
  ogLocale: string;
  /** `language` of its feeds (RSS 2.0: an RFC 1766 tag). */
  feedLang: string;
  /** The Pagefind language of its search index (the record pages' `<html lang>` and the index's file names). */
  pagefind: string;
  /** Conversion of the content language's text into the script this edition is published in. */
  convert?: ScriptConversion;
}

/**
 * The editions, the root one first: Simplified Chinese (written by the editors), English (written
 * by the editors), and Traditional Chinese made from the Simplified by OpenCC at build time.
 */
export const EDITIONS = [
  {
    id: 'zh',
    htmlLang: 'zh-Hans',
    prefix: '',
    name: '简体中文',
    short: '简体',
    content: 'zh',
    han: 'Hans',
    ogLocale: 'zh_CN',
    feedLang: 'zh-cn',
    pagefind: 'zh',
  },
  {
    id: 'en',
    htmlLang: 'en',
    prefix: 'en',
    name: 'English',
    short: 'English',
    content: 'en',
    han: 'Hans',
    ogLocale: 'en_GB',
    feedLang: 'en',
    pagefind: 'en',
  },
  {
    id: 'zh-Hant',
    htmlLang: 'zh-Hant',
    prefix: 'zh-hant',
    name: '繁體中文',
    short: '繁體',
    content: 'zh',
    han: 'Hant',
    ogLocale: 'zh_TW',
    feedLang: 'zh-tw',
    pagefind: 'zh-hant',
    convert: { opencc: 's2twp', overrides: 'zh-Hant.json', quotes: '「」『』' },
  },
] as const satisfies readonly Edition[];

/** An edition's id: `zh` (Simplified Chinese, at the root), `en`, `zh-Hant`. */
export type Lang = (typeof EDITIONS)[number]['id'];

/** Every edition id, the root edition first. */
export const LANGS: readonly Lang[] = EDITIONS.map((e) => e.id);

/** The content languages the editors write, in the editions' order. */
export const CONTENT_LANGS: readonly ContentLang[] = [...new Set(EDITIONS.map((e) => e.content))];

/** The edition at the root of the site, whose pages are the default for `hreflang="x-default"`. */
export const ROOT_LANG: Lang = EDITIONS[0].id;

const BY_ID = new Map<string, Edition>(EDITIONS.map((e) => [e.id, e]));

/** The edition `lang`. */
export function edition(lang: Lang): Edition {
  return BY_ID.get(lang)!;
}

/** The content language edition `lang` reads. */
export function contentOf(lang: Lang): ContentLang {
  return BY_ID.get(lang)!.content;
}

/**
 * The text among `alternatives` (one per content language) that edition `lang` reads: a
 * dataset text (`pick(district.name, lang)`), or a template per language written where it is
 * used (`pick({ zh: `${a}，${b}`, en: `${a}, ${b}` }, lang)`). Script conversion is not applied
 * here but where the edition is published (pages, charts, downloads, search records).
 */
export function pick<T>(alternatives: Alternatives<T>, lang: Lang): T;
/** The text among `alternatives` that edition `lang` reads, or undefined when there are none. */
export function pick<T>(alternatives: Alternatives<T> | undefined, lang: Lang): T | undefined;
export function pick<T>(alternatives: Alternatives<T> | undefined, lang: Lang): T | undefined {
  return alternatives?.[contentOf(lang)];
}

/** One value per content language. */
export type Alternatives<T> = { readonly [K in ContentLang]: T };

/**
 * The `lang` of text as the editors wrote it, in edition `lang`: its own for an edition that
 * prints its content as written, else that of the edition whose content it converts (`zh-Hans`
 * in the Traditional edition). For records quoted as stored (a release's changes).
 */
export function writtenLang(lang: Lang): string {
  return edition(writerOf(lang)).htmlLang;
}

/** The edition whose text edition `lang` prints: itself, or for a converting edition the one it converts. */
export function writerOf(lang: Lang): Lang {
  const content = contentOf(lang);
  return LANGS.find((l) => contentOf(l) === content && !edition(l).convert) ?? lang;
}
