/** The shape every chart file exports: a pure definition from the dataset to a Plot spec. */
import type { IndexedDataset } from '../dataset/dataset.ts';
import type { Bilingual, Kind, Qualifier, Unit } from '../dataset/schemas.ts';
import type { Lang } from '../site/editions.ts';

/** One figure as a chart draws it and its table lists it. */
export interface Datum {
  /** District id: colour and table column. */
  district: string;
  /** Row label in the page language (what the figure counts). */
  series: string;
  value: number;
  high?: number | undefined;
  qualifier: Qualifier;
  kind: Kind;
  unit: Unit;
  /** Observation id, or derived-figure id when `derived` is true. */
  ref: string;
  /** Indicator id of an observation's row: rows of one indicator, kind, scope, unit and measure word share a scale. */
  indicator?: string;
  /** The source's measure word for a count (件, 条, 次), when it names one. */
  measure?: string | undefined;
  derived?: boolean;
  /** The value with qualifier and unit in the page language ("1200余人"). */
  label: string;
  /** The kind in words (`已实现（据称）`, `expected effect (as claimed)`, `derived`), from the figure formatter; absent for marks that are no figure. */
  kindText?: string;
  /** The period or date in words. */
  period: string;
  /** Scope in words. */
  scope: string;
  /** Source id (derived figures: the first input's). */
  source: string;
  /**
   * Where the mark leads, as a site path in the page language: the data point page (observations),
   * the formula on the methodology page (derived figures), a case study or a source (timeline, maps).
   */
  href: string;
}

/**
 * An annotation written on the chart itself: a short sentence beside the mark of row `ref`, saying
 * the point a reader should not miss. Figures only through placeholders, as in `summary`.
 */
export interface ChartNote {
  ref: string;
  text: Bilingual;
}

/** A note as the chart function receives it: its row and its text in the page language, placeholders filled. */
export interface PlacedNote {
  ref: string;
  text: string;
}

/** What a chart function receives. Width is in CSS pixels; `geo` is content/geo's topology, for maps. */
export interface ChartInput {
  data: IndexedDataset;
  lang: Lang;
  width: number;
  geo?: unknown;
}

/** A chart: metadata, its data rows, and a pure function to a Plot options object. */
export interface ChartDefinition {
  id: string;
  title: Bilingual;
  subtitle: Bilingual;
  /** `map` for locator maps: no mark legend, a table of the districts shown. */
  kind?: 'chart' | 'map';
  /**
   * How the chart places values, declared so a test can hold it (EDITORIAL.md: only figures of the
   * same indicator, definition and unit share an axis): `panels`, small multiples in which only rows
   * of one indicator, kind, scope and unit share a panel and its scale (`qualifiedDots`); `time`, one
   * calendar axis on which every mark is a date; `map`, positions on a map, no value axis.
   */
  scales: 'panels' | 'time' | 'map';
  /** `false` for charts whose marks are not the qualified dots of the mark legend (the timeline). */
  legend?: false;
  /**
   * What the chart shows, in a sentence or two per language, written for people (screen readers
   * read it as the SVG's description; the chart page prints it). Figures come only through
   * placeholders naming a row's `ref`: `{ref}` is the row's value as written (`1200余人`,
   * `more than 1,200 people`), `{ref|number}` the value with its qualifier but no unit (and no measure word in Chinese), and
   * `{ref|period}` its period or date. A placeholder naming no drawn row fails the build.
   */
  summary: Bilingual;
  /** One or two annotations drawn on the chart, each beside the mark it is about. */
  notes: ChartNote[];
  /** `true` for charts that gain from width: on wide screens they leave the reading column. */
  breakout?: true;
  /** Shown under the chart where it mixes years, scopes or kinds. */
  comparability?: Bilingual;
  /** The figures the chart lists, in order (its table, downloads and summary). */
  rows(input: ChartInput): Datum[];
  /** Those of `rows` it draws as marks, when not all of them (figures that share no scale stay in the table). */
  drawn?(rows: Datum[]): Datum[];
  /** Plot options without `document`; the renderer adds it. `notes` are the chart's annotations in the page language. */
  plot(input: ChartInput, rows: Datum[], notes: PlacedNote[]): Record<string, unknown>;
}
