/** The RSS 2.0 feeds in one language: case studies, and dataset versions. */
import { caseStudies } from '../dataset/caseStudies.ts';
import { releases } from '../dataset/releases.ts';
import { t } from '../i18n/strings.ts';
import { escapeMarkup as esc } from '../i18n/markup.ts';
import { contentOf, edition, pick, type Lang } from '../site/editions.ts';
import { caseStudyPath, localePath, releasePath } from '../site/paths.ts';

/** RSS XML for `lang`, items in district order, dated by each study's `updated`. */
export async function caseStudyFeed(lang: Lang, site: URL): Promise<string> {
  const items = (await caseStudies(contentOf(lang))).map((e) => {
    const link = new URL(caseStudyPath(e.data.district, lang), site).href;
    return `    <item>
      <title>${esc(e.data.title)}</title>
      <link>${link}</link>
      <guid isPermaLink="true">${link}</guid>
      <description>${esc(e.data.description)}</description>
      <pubDate>${new Date(`${e.data.updated}T00:00:00Z`).toUTCString()}</pubDate>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${esc(t(lang, 'site.title'))}</title>
    <link>${new URL(localePath(lang, '/'), site).href}</link>
    <description>${esc(t(lang, 'site.description'))}</description>
    <language>${edition(lang).feedLang}</language>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** RSS XML of the frozen dataset versions in `lang`, newest first, each linking to its page of changes. */
export function releaseFeed(lang: Lang, site: URL): string {
  const items = releases().map((r) => {
    const link = new URL(releasePath(r.version, lang), site).href;
    return `    <item>
      <title>${esc(`${t(lang, 'release.title')} ${r.name} (${r.version})`)}</title>
      <link>${link}</link>
      <guid isPermaLink="true">${link}</guid>
      <description>${esc(`${pick(r.summary, lang)} ${pick(r.changes, lang)}`)}</description>
      <pubDate>${new Date(`${r.date}T00:00:00Z`).toUTCString()}</pubDate>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${esc(`${t(lang, 'site.title')} · ${t(lang, 'release.feedTitle')}`)}</title>
    <link>${new URL(localePath(lang, '/data/'), site).href}</link>
    <description>${esc(t(lang, 'release.feedTitle'))}</description>
    <language>${edition(lang).feedLang}</language>
${items.join('\n')}
  </channel>
</rss>
`;
}
