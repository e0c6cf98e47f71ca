// The built downloads (dist/): chart CSV/JSON hold exactly the chart's figures; dataset tables
// match the dataset and the published JSON Schemas. The data package as Frictionless and Python
// read it: tests/e2e/opendataReaders.test.ts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import type { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { CHARTS } from '../../src/charts/index.ts';
import { chartInRelease, chartObservationUses, chartsChanged, renderedChart, WIDTHS } from '../../src/charts/site.ts';
import { diffDatasets } from '../../src/dataset/releaseDiff.ts';
import { releases } from '../../src/dataset/releases.ts';
import { BOM, parseCsv } from '../../src/outputs/csv.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { allDerived } from '../../src/dataset/derived.ts';
import { datasetVersion } from '../../src/dataset/version.ts';
import { LANGS } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';
import { en } from '../../src/i18n/strings.ts';

const DIST = 'dist';
/** Every edition's path prefix: `''`, `/en`, `/zh-hant`. */
const EDITION_PREFIXES = LANGS.map((l) => localePath(l, ''));
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const data = getDataset();
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
/**
 * The RGB of a PNG's top-left pixel: the first bytes after row 0's filter byte (every PNG filter
 * leaves the first pixel of the first row as stored, having no left or upper neighbour).
 */
function firstPixel(png: Buffer): [number, number, number] {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString() === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return [raw[1]!, raw[2]!, raw[3]!];
}
const byCol = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));

test('every chart offers SVG, PNG (web and print), CSV, JSON, oEmbed and a social card in every edition', () => {
  for (const c of CHARTS) {
    for (const prefix of EDITION_PREFIXES) {
      const dir = `${prefix}/charts/${c.id}`;
      const svg = read(`${dir}/chart.svg`);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, dir);
      // The site's text face for Latin and figures, then the CJK face the PNG renderer has.
      assert.match(
        svg,
        /<style>text\{font-family:'Source Sans 3',[^}]*'Noto Sans Hans'/,
        `${dir}: fonts named in the SVG`,
      );
      assert.ok(svg.includes(datasetVersion()), `${dir}: the SVG carries the dataset version`);
      // A downloaded SVG has no address of its own: each figure's link is absolute, to a page that exists.
      const links = [...svg.matchAll(/<a\b[^>]* href="([^"]*)"/g)].map((m) => m[1]!);
      assert.ok(links.length > 0, `${dir}: the SVG's marks are links`);
      for (const href of links) {
        assert.match(href, /^https?:\/\//, `${dir}: ${href} is not absolute`);
        const path = new URL(href).pathname;
        assert.ok(
          existsSync(join(DIST, path, path.endsWith('/') ? 'index.html' : '')),
          `${dir}: ${href} leads nowhere`,
        );
      }
      // The web PNG at twice the 768 px SVG; the print PNG at four times (at least 3,000 px wide); both on white.
      for (const [file, w, h] of [
        ['chart.png', 2 * (WIDTHS.wide + 48), 0],
        ['chart-print.png', 4 * (WIDTHS.wide + 48), 0],
        ['og.png', 1200, 630],
      ] as const) {
        const png = readFileSync(join(DIST, dir, file));
        assert.equal(png.subarray(1, 4).toString(), 'PNG', `${dir}/${file}`);
        assert.equal(png.readUInt32BE(16), w, `${dir}/${file} width`);
        if (h) assert.equal(png.readUInt32BE(20), h, `${dir}/${file} height`);
        if (file !== 'og.png') assert.deepEqual(firstPixel(png), [255, 255, 255], `${dir}/${file}: white background`);
        // Maps are landscape in the PNG, the shape a news layout uses.
        if (c.kind === 'map') assert.ok(png.readUInt32BE(20) < png.readUInt32BE(16), `${dir}/${file}: landscape`);
      }
      assert.ok(4 * (WIDTHS.wide + 48) >= 3000, 'the print PNG is at least 3,000 px wide');
      assert.match(read(`${dir}/index.html`), /href="[^"]*chart-print\.png"/, `${dir}: the page offers the print PNG`);
      const o = JSON.parse(read(`${dir}/oembed.json`));
      assert.equal(o.version, '1.0');
      assert.equal(o.type, 'rich');
      assert.match(
        o.html,
        // oEmbed consumers keep the HTML they fetch: like the chart page's code, it pins the current version.
        new RegExp(
          `<iframe src="[^"]*${prefix}/v/${datasetVersion()}/embed/${c.id}/" title="[^"]+" height="${o.height}" loading="lazy"`,
        ),
      );
      const page = read(`${dir}/index.html`);
      assert.ok(
        page.includes(`type="application/json+oembed" href="`) && page.includes(`${dir}/oembed.json"`),
        `${dir}: oEmbed discovery link`,
      );
      assert.match(page, new RegExp(`<meta property="og:image" content="[^"]*${dir}/og.png">`));
    }
  }
});

test('chart CSV and JSON hold exactly the figures the chart draws, with units, sources and inputs', () => {
  for (const c of CHARTS)
    for (const prefix of EDITION_PREFIXES)
      assert.ok(read(`${prefix}/charts/${c.id}/data.csv`).startsWith(BOM), `${prefix}/charts/${c.id}/data.csv: a BOM`);
  const uses = chartObservationUses();
  const derived = new Map(allDerived(data.observation).map((d) => [d.id, d]));
  for (const c of CHARTS) {
    for (const [prefix, lang] of [
      ['', 'zh'],
      ['/en', 'en'],
    ] as const) {
      const rows = renderedChart(c.id, lang, WIDTHS.wide).rows;
      const csvText = read(`${prefix}/charts/${c.id}/data.csv`);
      assert.ok(csvText.startsWith(BOM), 'a chart CSV opens in spreadsheets: it starts with a BOM');
      const csv = byCol(parseCsv(csvText));
      const json = JSON.parse(read(`${prefix}/charts/${c.id}/data.json`));
      assert.equal(csv.length, rows.length, `${c.id} ${lang}: one CSV row per drawn figure`);
      assert.equal(json.rows.length, rows.length);
      assert.equal(json.dataset.version, datasetVersion());
      rows.forEach((r, i) => {
        const row = csv[i]!,
          j = json.rows[i];
        assert.equal(row.dataset_version, datasetVersion());
        if (!r.derived && !data.observation.has(r.ref)) {
          // Map districts and timeline events: a place or a date, no figure and no observation.
          assert.equal(row.row_type, c.kind === 'map' ? 'district' : 'event');
          assert.equal(row.value, '');
          assert.equal(row.observation_id, '');
          return;
        }
        assert.equal(Number(row.value), r.value, `${c.id} row ${i} value`);
        assert.equal(j.value, r.value);
        assert.equal(row.unit, r.unit);
        assert.equal(row.qualifier, r.qualifier);
        assert.equal(row.source, r.source);
        if (r.derived) {
          const d = derived.get(r.ref)!;
          assert.equal(row.derived_id, r.ref);
          assert.equal(row.derived_inputs, `${d.a};${d.b}`, 'a derived row lists its formula inputs');
        } else {
          const o = data.observation.get(r.ref)!;
          assert.equal(row.observation_id, o.id);
          assert.equal(Number(row.value), o.value, "the CSV value is the observation's own value");
          assert.equal(row.high === '' ? undefined : Number(row.high), o.high);
        }
      });
      const ids = csv
        .map((r) => r.observation_id)
        .filter(Boolean)
        .sort();
      assert.deepEqual(ids, [...uses[c.id]!].sort(), `${c.id}: CSV observations = chartObservationUses`);
      assert.deepEqual(
        json.rows
          .map((r: { observation: string | null }) => r.observation)
          .filter(Boolean)
          .sort(),
        ids,
      );
    }
  }
});

test('dataset tables: one CSV row per record, JSON equal to the dataset and valid against the published schemas', () => {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }) as unknown as Ajv);
  for (const name of ['observations', 'districts', 'indicators', 'sources', 'glossary'] as const) {
    const csv = parseCsv(read(`/data/${name}.csv`));
    assert.equal(csv.length - 1, data[name].length, `${name}.csv rows`);
    assert.deepEqual(parseCsv(read(`/data/excel/${name}.csv`)), csv, `excel/${name}.csv is the same table`);
    assert.ok(read(`/data/excel/${name}.csv`).startsWith(BOM), `excel/${name}.csv starts with a BOM`);
    assert.ok(!read(`/data/${name}.csv`).startsWith(BOM), `${name}.csv has no BOM (the package says utf-8)`);
    const json = JSON.parse(read(`/data/${name}.json`));
    assert.deepEqual(json, JSON.parse(JSON.stringify(data[name])));
    const schema = JSON.parse(read(`/data/schema/${name}.schema.json`));
    const validate = ajv.compile(schema);
    assert.ok(validate(json), `${name}.json: ${ajv.errorsText(validate.errors)}`);
  }
});

test('the data page carries the version, downloads, licence, citation, changelog and Dataset JSON-LD', () => {
  for (const prefix of EDITION_PREFIXES) {
    const page = read(`${prefix}/data/index.html`);
    assert.ok(page.includes(`<code data-dataset-version>${datasetVersion()}</code>`));
    for (const f of ['observations.csv', 'glossary.json', 'datapackage.json'])
      assert.ok(page.includes(`href="/data/${f}"`), f);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!);
    assert.equal(ld['@type'], 'Dataset');
    assert.deepEqual(ld.inLanguage, ['zh-Hans', 'en']);
    assert.equal(ld.version, datasetVersion());
    assert.ok(
      ld.distribution.some(
        (d: { contentUrl: string; encodingFormat: string }) =>
          d.contentUrl.endsWith('/data/observations.csv') && d.encodingFormat === 'text/csv',
      ),
    );
    assert.match(ld.license, /creativecommons\.org\/licenses\/by\/4\.0/);
  }
});

test('every frozen release keeps its own downloads: chart files and dataset tables name that version and hold its data', () => {
  for (const r of releases()) {
    for (const c of CHARTS.filter((x) => chartInRelease(x.id, r)))
      for (const prefix of EDITION_PREFIXES) {
        const dir = `dist${prefix}/v/${r.version}/charts/${c.id}`;
        assert.ok(readFileSync(`${dir}/chart.svg`, 'utf8').includes(r.version), `${dir}/chart.svg names ${r.version}`);
        assert.ok(readFileSync(`${dir}/chart.png`).length > 1000);
        const json = JSON.parse(readFileSync(`${dir}/data.json`, 'utf8'));
        assert.equal(json.dataset.version, r.version);
        assert.match(json.chart.embed, new RegExp(`${prefix}/v/${r.version}/embed/${c.id}/$`));
        assert.match(readFileSync(`${dir}/data.csv`, 'utf8'), new RegExp(`,${r.version}\r\n`));
      }
    const data = `dist/v/${r.version}/data`;
    assert.deepEqual(JSON.parse(readFileSync(`${data}/observations.json`, 'utf8')), r.data.observations);
    assert.equal(JSON.parse(readFileSync(`${data}/datapackage.json`, 'utf8')).version, r.version);
    assert.match(readFileSync(`${data}/CITATION.cff`, 'utf8'), new RegExp(`^version: ${r.version}$`, 'm'));
    for (const f of ['observations.csv', 'schema/observations.schema.json']) assert.ok(existsSync(`${data}/${f}`), f);
  }
  // The older release really is the older data: the correction of Fushan's cooperation items is not in it.
  const old = JSON.parse(readFileSync('dist/en/v/data-b17ebb822c/charts/fushan-cherry-economy/data.json', 'utf8'));
  assert.ok(old.rows.some((row: { series: string }) => row.series.startsWith('Cooperation deals')));
});

test('each release page lists exactly its differences and changed charts; data points list their versions; the feed lists every release', () => {
  const all = releases();
  for (const [i, r] of all.entries()) {
    const prev = all[i + 1];
    for (const prefix of EDITION_PREFIXES) {
      const html = readFileSync(`dist${prefix}/releases/${r.version}/index.html`, 'utf8');
      const rows = [...html.matchAll(/data-diff="changed" data-record="([^"]+)" data-field="([^"]+)"/g)].map(
        (m) => `${m[1]}.${m[2]}`,
      );
      const expected = prev
        ? diffDatasets(prev.data, r.data).flatMap((d) =>
            d.changed.flatMap((c) => c.fields.map((f) => `${c.id}.${f.field}`)),
          )
        : [];
      assert.deepEqual(rows, expected, `${prefix}/releases/${r.version}/`);
      const charts = [...html.matchAll(/data-chart-changed="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(charts, prev ? chartsChanged(r, prev) : []);
    }
  }
  // The real second release (the corrections of the words issue), and the chart they change. (Its
  // change of the Shizhong source's title no longer changes the timeline: charts name sources by
  // outlet, never by their printed headline.)
  const second = readFileSync('dist/en/releases/data-82f39d34ad/index.html', 'utf8');
  assert.match(second, /data-record="fushan-cooperation-agreements" data-field="label"/);
  assert.match(second, /data-record="shizhong-2024-governance" data-field="title"/);
  // A printed headline and prose are listed, not quoted (an earlier note quoted the source's
  // subhead); a short label is quoted as stored.
  const row = (record: string, field: string) =>
    new RegExp(`data-record="${record}" data-field="${field}">[\\s\\S]*?</tr>`).exec(second)?.[0] ?? '';
  assert.ok(row('shizhong-2024-governance', 'title').includes(en['release.printed']));
  assert.ok(row('shizhong-2024-governance', 'reliability').includes(en['release.reworded']));
  assert.ok(!second.includes('活力品质强区'), 'the subhead the old reliability note quoted');
  assert.ok(!row('fushan-cooperation-agreements', 'label').includes(en['release.reworded']));
  assert.deepEqual([...second.matchAll(/data-chart-changed="([^"]+)"/g)].map((m) => m[1]).sort(), [
    'fushan-cherry-economy',
  ]);
  const point = readFileSync('dist/en/data/zhangqiu-service-post-coverage-2022/index.html', 'utf8');
  assert.deepEqual(
    [...point.matchAll(/<tr data-version="([^"]+)">/g)].map((m) => m[1]),
    all.map((r) => r.version),
  );
  for (const prefix of EDITION_PREFIXES) {
    const feed = readFileSync(`dist${prefix}/releases.xml`, 'utf8');
    for (const r of all)
      assert.ok(feed.includes(`${prefix}/releases/${r.version}/</link>`), `${prefix}/releases.xml: ${r.version}`);
  }
});
