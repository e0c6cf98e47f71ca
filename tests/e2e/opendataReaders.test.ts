// The built data package (dist/data/) as research tools read it, following its descriptor: the
// Frictionless Data reference library for JavaScript (npm `datapackage`) validates
// datapackage.json, reads every table with types cast from its Table Schema and resolves its
// foreign keys; Python's csv module, with the declared encoding, sees `id` as the first column.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { getDataset } from '../../src/dataset/dataset.ts';
import { datasetVersion } from '../../src/dataset/version.ts';
import type { Cell } from '../../src/outputs/csv.ts';
import { TABLE_NAMES, tableRows } from '../../src/outputs/datapackage.ts';

const DATA = resolve('dist/data');
const data = getDataset();

interface Resource {
  name: string;
  read(options: { keyed?: boolean; cast?: boolean; relations?: boolean }): Promise<Record<string, unknown>[]>;
}
interface Package {
  valid: boolean;
  errors: Error[];
  descriptor: { version: string; resources: { name: string; path: string }[] };
  resources: Resource[];
}
// The library is CommonJS with no types of its own.
const { Package: FrictionlessPackage } = createRequire(import.meta.url)('datapackage') as {
  Package: { load(descriptor: string | object, options?: { basePath?: string }): Promise<Package> };
};

/** A dataset cell as a reader that casts by the Table Schema returns it: empty cells are missing values. */
const asCast = (c: Cell) => (c === undefined || c === null || c === '' ? null : c);

test('the Frictionless library reads every table of the package, with the dataset’s rows and types', async () => {
  const pkg = await FrictionlessPackage.load(join(DATA, 'datapackage.json'));
  assert.ok(pkg.valid, `datapackage.json is not a valid data package: ${pkg.errors.map((e) => e.message).join('; ')}`);
  assert.equal(pkg.descriptor.version, datasetVersion());
  assert.deepEqual(
    pkg.resources.map((r) => r.name),
    [...TABLE_NAMES],
  );
  for (const name of TABLE_NAMES) {
    const resource = pkg.resources.find((r) => r.name === name)!;
    const rows = await resource.read({ keyed: true, cast: true });
    const { header, rows: expected } = tableRows(data, name);
    assert.equal(rows.length, data[name].length, `${name}: as many rows as ${name}.json has records`);
    rows.forEach((row, i) => {
      assert.deepEqual(
        row,
        Object.fromEntries(header.map((h, j) => [h, asCast(expected[i]![j])])),
        `${name} row ${i + 1}`,
      );
    });
    // Foreign keys resolve (the library throws on a key with no row to point at).
    await resource.read({ relations: true });
  }
});

test('the Frictionless library rejects a table whose header starts with a byte-order mark', async () => {
  // The spreadsheet copy has the mark: read through the package's own descriptor, it must fail,
  // or the check above could not tell a plain UTF-8 file from one with a BOM.
  const descriptor = JSON.parse(readFileSync(join(DATA, 'datapackage.json'), 'utf8'));
  descriptor.resources = descriptor.resources
    .filter((r: { name: string }) => r.name === 'observations')
    .map((r: { path: string }) => ({ ...r, path: 'excel/observations.csv' }));
  const pkg = await FrictionlessPackage.load(descriptor, { basePath: DATA });
  await assert.rejects(pkg.resources[0]!.read({ keyed: true, cast: true }), /header/i);
});

test('Python’s csv.DictReader with encoding="utf-8" sees id as the first column of every table', () => {
  const script = [
    'import csv, json, sys',
    'out = {}',
    'for name in sys.argv[2:]:',
    '    with open(f"{sys.argv[1]}/{name}.csv", encoding="utf-8", newline="") as f:',
    '        reader = csv.DictReader(f)',
    '        out[name] = [reader.fieldnames[0], sum(1 for _ in reader)]',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script, DATA, ...TABLE_NAMES], { encoding: 'utf8' });
  assert.equal(r.status, 0, `python3 failed: ${r.error?.message ?? r.stderr}`);
  const seen = JSON.parse(r.stdout) as Record<string, [string, number]>;
  for (const name of TABLE_NAMES) assert.deepEqual(seen[name], ['id', data[name].length], name);
});

test('the Frictionless library reads every frozen release’s pinned package, with that release’s rows', async () => {
  const versions = readdirSync(join(DATA, '..', 'v')).sort();
  assert.ok(versions.length >= 2, `pinned releases under dist/v/: ${versions.join(', ')}`);
  for (const version of versions) {
    const dir = join(DATA, '..', 'v', version, 'data');
    const pkg = await FrictionlessPackage.load(join(dir, 'datapackage.json'));
    assert.ok(pkg.valid, `${version}: ${pkg.errors.map((e) => e.message).join('; ')}`);
    assert.equal(pkg.descriptor.version, version);
    for (const resource of pkg.resources) {
      const rows = await resource.read({ keyed: true, cast: true });
      const json = JSON.parse(readFileSync(join(dir, `${resource.name}.json`), 'utf8')) as { id: string }[];
      assert.deepEqual(
        rows.map((r) => r.id),
        json.map((r) => r.id),
        `${version} ${resource.name}: the CSV has the release's records, in order`,
      );
      await resource.read({ relations: true });
    }
  }
});
