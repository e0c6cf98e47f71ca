/**
 * UI strings, one flat table per language (Simplified Chinese first). Components take every
 * literal they show from here; `tests/unit/i18n.test.ts` checks both tables have the same keys.
 */

/** The site's languages: `zh` is served at `/`, `en` at `/en/`. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The `<html lang>` value per language; Pagefind builds one index per value. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

export const zh = {
  'site.title': '党建模式比较：章丘 · 市中 · 福山',
  'site.shortTitle': '党建模式比较',
  'site.description': '山东三个区如何在村之上组织基层党建：章丘、市中、福山三种模式的并列比较，每个数字都可追溯到原始报道。',
  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.compare': '比较',
  'nav.caseStudies': '案例',
  'nav.charts': '图表',
  'nav.data': '数据',
  'nav.sources': '来源',
  'nav.glossary': '术语',
  'nav.methodology': '方法',
  'nav.search': '搜索',
  'lang.switch': 'English',
  'lang.switchLabel': '切换到英文版本',
  'skip.toContent': '跳到正文',
  'footer.dataset': '数据集版本',
  'footer.about': '本站依据官方宣传报道整理，报道的是各区自己的说法，未经独立核实。',
  'home.lede': '村庄变小了、合并了、空了或变成了城市社区，党组织应当怎样在单个村之上组织起来？山东三个区给出了三种不同的回答。本站把它们并排放在同样的四个维度上，每个数字都链接到提出它的原文。',
  'home.models': '三种模式一览',
  'home.observations': '条数据',
  'home.sources': '篇原始报道',
  'home.terms': '个术语',
  'district.zhangqiu': '章丘区',
  'district.shizhong': '市中区',
  'district.fushan': '福山区',
} as const;

/** Keys every table must have. */
export type StringKey = keyof typeof zh;

export const en: Record<StringKey, string> = {
  'site.title': 'Party-Building Models Compared: Zhangqiu, Shizhong, Fushan',
  'site.shortTitle': 'Party-Building Models Compared',
  'site.description':
    'How three districts of Shandong organise grassroots Party building above the single village: the Zhangqiu, Shizhong and Fushan models side by side, every figure traceable to the report that claims it.',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.compare': 'Compare',
  'nav.caseStudies': 'Case studies',
  'nav.charts': 'Charts',
  'nav.data': 'Data',
  'nav.sources': 'Sources',
  'nav.glossary': 'Glossary',
  'nav.methodology': 'Methodology',
  'nav.search': 'Search',
  'lang.switch': '中文',
  'lang.switchLabel': 'Switch to the Chinese version',
  'skip.toContent': 'Skip to content',
  'footer.dataset': 'Dataset version',
  'footer.about':
    'Compiled from official publicity: the site reports what the districts say about themselves; none of it has been independently verified.',
  'home.lede':
    'Villages are getting smaller, merging, emptying or turning into city neighbourhoods. How should the Party organise above the single village? Three districts of Shandong give three different answers. This site lays them side by side on the same four dimensions, and links every figure to the text that claims it.',
  'home.models': 'The three models at a glance',
  'home.observations': 'figures',
  'home.sources': 'primary reports',
  'home.terms': 'glossary terms',
  'district.zhangqiu': 'Zhangqiu District',
  'district.shizhong': 'Shizhong District',
  'district.fushan': 'Fushan District',
};

const TABLES: Record<Lang, Record<StringKey, string>> = { zh, en };

/** The UI string `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return TABLES[lang][key];
}

/** The path of a site page in `lang`: `/x/` in Chinese, `/en/x/` in English. `path` starts with `/`. */
export function localePath(lang: Lang, path: string): string {
  return lang === 'zh' ? path : `/en${path === '/' ? '/' : path}`;
}

/** The language of a site path, and the path without its language prefix. */
export function splitLocalePath(pathname: string): { lang: Lang; path: string } {
  if (pathname === '/en' || pathname.startsWith('/en/')) return { lang: 'en', path: pathname.slice(3) || '/' };
  return { lang: 'zh', path: pathname };
}
