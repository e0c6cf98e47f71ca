/** The home page's story as its editors wrote it (content/pages/<lang>/home.mdx), for tests that read the built page. */
import { readFileSync } from 'node:fs';
import { CONTENT_DIR } from '../../src/dataset/dataset.ts';
import { contentOf, type Lang } from '../../src/site/editions.ts';
import { convertText } from '../../src/site/script.ts';

/** The story's headline in edition `lang`, as the page prints it (a converting edition's converted). */
export function homeHeadline(lang: Lang): string {
  const text = readFileSync(`${CONTENT_DIR}/pages/${contentOf(lang)}/home.mdx`, 'utf8');
  const title = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (!title) throw new Error(`${CONTENT_DIR}/pages/${contentOf(lang)}/home.mdx has no title`);
  return convertText(lang, title.replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"'));
}
