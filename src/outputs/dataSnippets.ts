/**
 * The code the data page offers for reading the dataset in Python and R: each reads the data
 * points table from the site's public origin and counts data points by district and kind.
 * tests/e2e/opendataReaders.test.ts runs the Python standard-library reading of the same files.
 */

/** Python (pandas) and R (base read.csv, and readr) code that reads `observations.csv` from `site`. */
export function dataSnippets(site: URL): { python: string; r: string } {
  const url = new URL('/data/observations.csv', site).href;
  const python = [
    'import pandas as pd',
    '',
    `obs = pd.read_csv("${url}", encoding="utf-8")`,
    'print(obs.columns[0])',
    'print(obs.groupby(["district", "kind"]).size())',
  ].join('\n');
  const r = [
    `obs <- read.csv("${url}", fileEncoding = "UTF-8")`,
    'names(obs)[1]',
    'table(obs$district, obs$kind)',
    '',
    `obs <- readr::read_csv("${url}")`,
  ].join('\n');
  return { python, r };
}
