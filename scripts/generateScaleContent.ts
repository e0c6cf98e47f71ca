/**
 * Writes a synthetic content folder (data/, case-studies/, pages/, geo/, editions/) with N districts for the
 * scale benchmark: the three real districts with their real data and case studies first, then
 * N − 3 generated ones with realistic counts (1–3 sources, 18–74 observations each, like the real
 * ones), four frames each, glossary use, and bilingual MDX case studies that cite every figure
 * through <Fact> and place a <Chart>. Deterministic for a given seed. Build it with
 * `CONTENT_DIR=<out> node scripts/buildSite.ts --out <dir>`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChangelogEntry } from '../src/dataset/changelog.ts';
import { freezeRelease } from '../src/dataset/releases.ts';
import type {
  Dataset,
  District,
  Frame,
  GlossaryTerm,
  Indicator,
  Observation,
  Source,
  Unit,
} from '../src/dataset/schemas.ts';
import { unitLabel } from '../src/i18n/format.ts';
import { measureWord } from '../src/dataset/figure.ts';

const HELP = `Usage: node scripts/generateScaleContent.ts --districts N --out DIR [--seed S] [--from content] [--releases R]

Writes DIR/data/*.json (passing check:data), DIR/case-studies/{zh,en}/*.mdx (passing check:facts),
DIR/pages, DIR/geo and DIR/editions (copied) for N districts (N ≥ 3): the real three from --from (default
content) plus N − 3 synthetic ones with 1–3 sources and 18–74 observations each.
With --releases R (default 0: no releases, the site builds its current data only), also writes R
frozen releases to DIR/releases/ and DIR/changelog.json: the data as generated, then R − 1 revisions
relabelling every 7th observation, the last being DIR/data, each keeping the files it publishes
(scripts/writeReleaseFiles.ts, which draws each release's chart PNGs once). Same N and seed (default
1), same bytes. Replaces DIR.`;

/** A small seeded PRNG (mulberry32): the same seed gives the same content on any machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES: [string, string][] = [
  ['an', '安'],
  ['bai', '白'],
  ['bei', '北'],
  ['chang', '长'],
  ['cheng', '城'],
  ['dong', '东'],
  ['feng', '丰'],
  ['gao', '高'],
  ['he', '河'],
  ['hong', '红'],
  ['hua', '华'],
  ['jin', '金'],
  ['jing', '景'],
  ['kang', '康'],
  ['lan', '兰'],
  ['le', '乐'],
  ['lin', '林'],
  ['long', '龙'],
  ['ming', '明'],
  ['nan', '南'],
  ['ning', '宁'],
  ['ping', '平'],
  ['qing', '青'],
  ['quan', '泉'],
  ['rong', '荣'],
  ['shan', '山'],
  ['shi', '石'],
  ['shui', '水'],
  ['tai', '泰'],
  ['tian', '田'],
  ['wen', '文'],
  ['xi', '西'],
  ['xin', '新'],
  ['yang', '阳'],
  ['yong', '永'],
  ['yu', '玉'],
  ['yuan', '源'],
  ['ze', '泽'],
  ['zhong', '中'],
  ['zhu', '竹'],
];
const DIMENSIONS = ['organisation', 'people', 'economy', 'services'] as const;
/** Charts a synthetic case study may place (ones that draw the featured districts). */
const CHARTS = ['timeline', 'unit-size', 'map-shandong', 'village-counts'];

const ZH_SENTENCES = [
  '报道把这一做法描述为“党建引领”下的组织调整，但没有给出独立核实的依据。',
  '文中的说法大多来自区里的组织部门，属于官方宣传性材料。',
  '从报道看，这一安排首先改变的是街镇和村之间的分工。',
  '来源没有说明这些数字的统计口径，读者应把它们看作区方自报的数字。',
  '报道提到的成效集中在服务群众和化解矛盾两个方面。',
  '这一模式的名称在不同年份的报道中略有变化，本文统一使用较短的说法。',
  '与本站比较的其他区相比，这里的报道更强调产业合作。',
  '文中没有提到试点之外的地区是否采用同样的安排。',
  '来源把干部下沉和村级议事放在一起介绍，没有区分两者的效果。',
  '报道对困难和问题着墨不多，这是官方宣传材料的常见特点。',
];
const EN_SENTENCES = [
  'The report presents this as a reorganisation under party leadership, without evidence that anyone checked it independently.',
  'Most of what the text says comes from the district organisation department: it is official publicity.',
  'Read at face value, the arrangement first changes how work is split between towns and villages.',
  'The source does not say how the figures were counted, so they should be read as what the district reports.',
  'The results the report lists are mostly about services to residents and settling disputes.',
  'The name of the model varies between reports from different years; this article uses the shorter one.',
  'Compared with the other districts on this site, the reports here put more weight on joint business ventures.',
  'The text does not say whether areas outside the pilot use the same arrangement.',
  'The source describes cadres sent to villages and village councils together, without separating their effects.',
  'The report says little about difficulties, which is common in official publicity.',
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}
function int(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}
/** `n` distinct items of `xs`, in a seeded order. */
function sample<T>(rand: () => number, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function value(rand: () => number, unit: Unit): number {
  if (unit === 'percent') return Math.round(rand() * 980 + 10) / 10;
  if (unit === 'yuan') return int(rand, 1, 5000) * 10000;
  if (unit === 'age-years') return int(rand, 25, 60);
  return int(rand, 1, 3000);
}

interface Synthetic {
  district: District;
  sources: Source[];
  observations: Observation[];
  frames: Frame[];
  chart: string;
}

/** How the real data counts an indicator: its unit and measure word (a synthetic county counts alike, so no comparison note is owed). */
type Counted = Map<string, { unit: Unit; measure: string | undefined }>;

function synthesise(
  i: number,
  rand: () => number,
  indicators: Indicator[],
  used: Set<string>,
  counted: Counted,
): Synthetic {
  // A unique two- or three-syllable name; the index keeps names unique whatever the draw.
  const syl = [SYLLABLES[i % SYLLABLES.length]!, SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]!];
  if (i >= SYLLABLES.length ** 2) syl.push(SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length]!);
  let pinyin = syl.map((s) => s[0]).join('');
  const zhName = syl.map((s) => s[1]).join('');
  if (used.has(pinyin)) pinyin += 'x';
  used.add(pinyin);
  const id = `${pinyin}-county`;
  const en = pinyin[0]!.toUpperCase() + pinyin.slice(1);
  const district: District = {
    id,
    code: String(900000 + i),
    name: { zhHans: `${zhName}县`, zhHant: `${zhName}縣`, pinyin: `${en} Xian`, en: `${en} County` },
    prefecture: { zh: `${pick(rand, SYLLABLES)[1]}${pick(rand, SYLLABLES)[1]}市`, en: 'a synthetic prefecture' },
    province: { zh: '山东省', en: 'Shandong' },
    setting: pick(rand, [
      { zh: '以农村为主', en: 'largely rural' },
      { zh: '城乡混合', en: 'mixed urban and rural' },
      { zh: '以城市为主', en: 'largely urban' },
    ]),
    model: {
      name: { zh: `${zhName}片区联建`, en: `${en} joint zones` },
      startYear: int(rand, 2015, 2023),
      unit: { zh: '若干相邻村组成的片区党委', en: 'a zone party committee for neighbouring villages' },
    },
  };
  const sources: Source[] = Array.from({ length: int(rand, 1, 3) }, (_, k) => {
    const sid = `${id}-report-${k + 1}`;
    const year = int(rand, 2019, 2024);
    return {
      id: sid,
      file: `${sid}.zh-Hans.txt`,
      district: id,
      title: `${zhName}县推进党建引领基层治理`,
      titleEn: `${en} County advances party-led grassroots governance`,
      outlet: pick(rand, [{ zh: '大众日报', en: 'Dazhong Daily' }, { zh: '齐鲁晚报', en: 'Qilu Evening News' }, null]),
      byline: null,
      date: `${year}-${String(int(rand, 1, 12)).padStart(2, '0')}`,
      datePrecision: 'month',
      dateInferred: false,
      script: 'Hans',
      kind: 'news-report',
      reliability: {
        zh: '合成的来源，仅供性能测试，不是真实报道。',
        en: 'A synthetic source for the benchmark, not a real report.',
      },
      summary: { zh: '合成的报道摘要，介绍片区联建的做法。', en: 'A synthetic summary of a report on joint zones.' },
    };
  });
  const chosen = sample(rand, indicators, int(rand, 18, 74));
  const observations: Observation[] = chosen.map((ind) => {
    const unit = counted.get(ind.id)?.unit ?? ind.unit;
    const word = counted.get(ind.id)?.measure ?? unitLabel(unit, 'zh');
    const v = value(rand, unit);
    const r = rand();
    const qualifier = r < 0.6 ? 'exact' : r < 0.8 ? 'more-than' : r < 0.9 ? 'about' : r < 0.95 ? 'at-least' : 'range';
    const high = qualifier === 'range' ? (unit === 'percent' ? Math.min(100, v + 5) : v * 2) : undefined;
    const num = (x: number) => String(x);
    const figure =
      qualifier === 'range'
        ? `${num(v)}至${num(high!)}${word}`
        : `${num(v)}${qualifier === 'more-than' ? '余' : ''}${word}`;
    const k = rand();
    const kind = k < 0.8 ? 'achieved' : k < 0.9 ? 'target' : k < 0.95 ? 'plan' : 'standard';
    const o: Observation = {
      id: `${id}-${ind.id}`,
      district: id,
      indicator: ind.id,
      value: v,
      unit,
      qualifier,
      kind,
      // A rule counted in times or days says per what (check:data's rate rule).
      ...(kind === 'standard' && ['occurrence', 'days', 'person-time'].includes(unit) ? { per: 'month' as const } : {}),
      asOf: `${int(rand, 2019, 2024)}-${String(int(rand, 1, 12)).padStart(2, '0')}`,
      asOfPrecision: 'month',
      dateBasis: 'printed',
      scope: { level: 'district' },
      source: pick(rand, sources).id,
      locator: `全县${figure}`.slice(0, 30),
      figure,
      label: ind.name,
    };
    if (high !== undefined) o.high = high;
    if (kind === 'target') o.targetDate = String(int(rand, 2025, 2030));
    return o;
  });
  const dimOf = new Map(indicators.map((x) => [x.id, x.dimension] as const));
  const frames: Frame[] = DIMENSIONS.map((dim) => {
    const own = observations.filter((o) => dimOf.get(o.indicator) === dim);
    return {
      id: `${id}-${dim}`,
      district: id,
      dimension: dim,
      summary: {
        zh: `${zhName}县在这一方面的做法（合成）。`,
        en: `What ${en} County does on this dimension (synthetic).`,
      },
      observations: (own.length ? own : observations).slice(0, int(rand, 1, 3)).map((o) => o.id),
    };
  });
  return { district, sources, observations, frames, chart: pick(rand, CHARTS) };
}

function caseStudy(s: Synthetic, lang: 'zh' | 'en', glossary: GlossaryTerm[], rand: () => number): string {
  const d = s.district;
  const name = lang === 'zh' ? d.name.zhHans : d.name.en;
  const sentences = lang === 'zh' ? ZH_SENTENCES : EN_SENTENCES;
  // Each paragraph opens with its section's name: paragraphs drawn from ten sentences would
  // otherwise repeat within a case study, and two passages of one text may not share an id.
  const para = (head: string, n: number) =>
    [lang === 'zh' ? `${head}方面：` : `${head}:`, ...Array.from({ length: n }, () => pick(rand, sentences))].join(
      lang === 'zh' ? '' : ' ',
    );
  const sections: string[] = [];
  const heads = lang === 'zh' ? ['组织', '人员', '经济', '服务'] : ['Organisation', 'People', 'Economy', 'Services'];
  const per = Math.ceil(s.observations.length / 4);
  heads.forEach((h, i) => {
    const facts = s.observations.slice(i * per, (i + 1) * per).map((o) =>
      lang === 'zh'
        ? // Labels may hold thresholds (50万元), which prose may not type: the sentence names no label.
          `报道中的一项数字是<Fact id="${o.id}" />。${pick(rand, sentences)}`
        : `One figure the report gives is <Fact id="${o.id}" />. ${pick(rand, sentences)}`,
    );
    sections.push(`## ${h}\n\n${para(h, 3)}\n\n${facts.join(lang === 'zh' ? '' : ' ')}\n\n${para(h, 4)}`);
  });
  const body = sections.join('\n\n');
  // Link the first use of every glossary term the generated prose happens to contain.
  const used = glossary.filter((g) =>
    lang === 'zh' ? body.includes(g.zhHans) : body.toLowerCase().includes(g.en.toLowerCase()),
  );
  const terms = used
    .map((g) => `<Term id="${g.id}">${lang === 'zh' ? g.zhHans : g.en}</Term>`)
    .join(lang === 'zh' ? '、' : ', ');
  const intro =
    lang === 'zh'
      ? `${name}属于${d.prefecture.zh}。本文是为性能测试合成的案例，文中人物和数字都不是真实的。${terms ? `本文用到的术语：${terms}。` : ''}\n\n<Chart id="${s.chart}" />`
      : `${name} is in ${d.prefecture.en}. This case study is synthetic, written for the benchmark; nothing in it is real.${terms ? ` Terms used: ${terms}.` : ''}\n\n<Chart id="${s.chart}" />`;
  const title = lang === 'zh' ? `${name}：${d.model.name.zh}（合成）` : `${name}: ${d.model.name.en} (synthetic)`;
  const description =
    lang === 'zh' ? `为性能测试合成的${name}案例。` : `A synthetic case study of ${name} for the benchmark.`;
  return `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(description)}\ndistrict: ${d.id}\nlang: ${lang}\nupdated: 2026-11-21\n---\n\n## ${lang === 'zh' ? '背景' : 'Context'}\n\n${intro}\n\n${body}\n`;
}

/** Writes the content folder for `districts` districts into `out`; returns its counts. */
export function generateScaleContent(opts: {
  districts: number;
  out: string;
  seed?: number;
  from?: string;
  /** Frozen releases to write (0: none, the benchmark's default): see `writeSyntheticReleases`. */
  releases?: number;
}): Record<string, number> {
  const { districts: n, out, seed = 1, from = 'content', releases = 0 } = opts;
  if (!Number.isInteger(releases) || releases < 0)
    throw new Error(`--releases must be an integer ≥ 0 (got ${releases})`);
  if (!Number.isInteger(n) || n < 3) throw new Error(`--districts must be an integer ≥ 3 (got ${n})`);
  const rand = prng(seed);
  const read = <T>(name: string) => JSON.parse(readFileSync(join(from, 'data', `${name}.json`), 'utf8')) as T;
  const real: Dataset = {
    sources: read('sources'),
    districts: read('districts'),
    indicators: read('indicators'),
    observations: read('observations'),
    glossary: read('glossary'),
    frames: read('frames'),
  };
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['data', 'case-studies/zh', 'case-studies/en']) mkdirSync(join(out, dir), { recursive: true });
  cpSync(join(from, 'case-studies'), join(out, 'case-studies'), { recursive: true });
  cpSync(join(from, 'pages'), join(out, 'pages'), { recursive: true });
  cpSync(join(from, 'geo'), join(out, 'geo'), { recursive: true });
  cpSync(join(from, 'editions'), join(out, 'editions'), { recursive: true });
  const used = new Set(real.districts.map((d) => d.id));
  const data: Dataset = {
    ...real,
    sources: [...real.sources],
    districts: [...real.districts],
    observations: [...real.observations],
    frames: [...real.frames],
    glossary: real.glossary.map((g) => ({ ...g, districts: [...g.districts] })),
  };
  const counted: Counted = new Map();
  for (const o of real.observations)
    if (!counted.has(o.indicator)) counted.set(o.indicator, { unit: o.unit, measure: measureWord(o) });
  for (let i = real.districts.length; i < n; i++) {
    const s = synthesise(i, rand, real.indicators, used, counted);
    data.districts.push(s.district);
    data.sources.push(...s.sources);
    data.observations.push(...s.observations);
    data.frames.push(...s.frames);
    for (const g of sample(rand, data.glossary, 2)) g.districts.push(s.district.id);
    for (const lang of ['zh', 'en'] as const)
      writeFileSync(join(out, 'case-studies', lang, `${s.district.id}.mdx`), caseStudy(s, lang, data.glossary, rand));
  }
  const write = () => {
    for (const [name, records] of Object.entries(data))
      writeFileSync(join(out, 'data', `${name}.json`), `${JSON.stringify(records, null, 2)}\n`);
  };
  write();
  if (releases > 0) writeSyntheticReleases(out, data, releases, write);
  return {
    districts: data.districts.length,
    sources: data.sources.length,
    observations: data.observations.length,
    frames: data.frames.length,
    caseStudies: data.districts.length * 2,
  };
}

/**
 * Freezes `count` releases of the data in `out`: the data as generated, then `count` − 1 revisions
 * that each relabel every 7th observation, each frozen in `out/releases/<version>/` with an
 * entry in `out/changelog.json` (dated 2026-01-01, -02, …), so the last is the current data;
 * then has each keep the files it publishes.
 */
function writeSyntheticReleases(out: string, data: Dataset, count: number, write: () => void): void {
  const entries: ChangelogEntry[] = [];
  for (let r = 1; r <= count; r++) {
    if (r > 1) {
      data.observations.forEach((o, i) => {
        if (i % 7 === r % 7) o.label = { zh: `${o.label.zh}（修订）`, en: `${o.label.en} (revised)` };
      });
      write();
    }
    const version = freezeRelease(join(out, 'data'), join(out, 'releases'));
    const date = `2026-01-${String(r).padStart(2, '0')}`;
    entries.unshift({
      version,
      date,
      summary: { zh: `合成版本（第 ${r} 版）`, en: `Synthetic release ${r}` },
      changes: { zh: `合成版本（第 ${r} 版）`, en: `Synthetic release ${r}` },
    });
  }
  writeFileSync(join(out, 'changelog.json'), `${JSON.stringify(entries, null, 2)}\n`);
  // In a process of its own: the site's modules read CONTENT_DIR when they load.
  const kept = spawnSync(process.execPath, ['scripts/writeReleaseFiles.ts'], {
    env: { ...process.env, CONTENT_DIR: out, DATA_DIR: join(out, 'data'), RELEASES_DIR: join(out, 'releases') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (kept.status !== 0) throw new Error(`writeReleaseFiles failed for ${out}/releases (exit ${kept.status})`);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      districts: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      releases: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!values.districts || !values.out) {
    console.error('generateScaleContent: --districts and --out are required (see --help)');
    process.exit(2);
  }
  const counts = generateScaleContent({
    districts: Number(values.districts),
    out: values.out,
    seed: Number(values.seed ?? 1),
    from: values.from ?? 'content',
    releases: Number(values.releases ?? 0),
  });
  console.log(
    `generateScaleContent: ${values.out}: ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
}
