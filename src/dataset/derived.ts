/**
 * Derived figures: never typed in, always computed from cited observations, each carrying its
 * formula and inputs so a reader can redo the sum. Pure.
 */
import type { Bilingual, Observation, Qualifier, Unit } from './schemas.ts';

/** How a derived figure is computed from two observations `a` and `b`. */
export type Operation = 'ratio' | 'share' | 'decline';

/** A derived figure's definition: which observations, which operation, what it means. */
export interface DerivedDefinition {
  id: string;
  district: string;
  op: Operation;
  a: string;
  b: string;
  unit: Unit;
  label: Bilingual;
  /** What a reader must know: periods, kinds or scopes that differ between the inputs. */
  note?: Bilingual;
}

/** A computed derived figure. `value` is rounded to one decimal place. */
export interface DerivedFigure extends DerivedDefinition {
  value: number;
  qualifier: Qualifier;
  /** The formula in words, with the input values, e.g. `525 ÷ 75`. */
  formula: Bilingual;
}

/** Every derived figure the site shows. Inputs must come from the same source or be flagged in `note`. */
export const DERIVED: DerivedDefinition[] = [
  {
    id: 'zhangqiu-villages-per-work-zone',
    district: 'zhangqiu',
    op: 'ratio',
    a: 'zhangqiu-administrative-villages',
    b: 'zhangqiu-work-zone-committees',
    unit: 'count',
    label: { zh: '平均每个党建工作区覆盖的行政村数', en: 'Administrative villages per work zone, on average' },
  },
  {
    id: 'zhangqiu-cadres-per-work-zone',
    district: 'zhangqiu',
    op: 'ratio',
    a: 'zhangqiu-cadres-sent-down',
    b: 'zhangqiu-work-zone-committees',
    unit: 'person',
    label: { zh: '平均每个党建工作区的下沉干部数', en: 'Cadres sent down per work zone, on average' },
    note: {
      zh: '下沉干部数是下限（“多”），所以比值也是下限。',
      en: 'The number of cadres is a lower bound ("more than"), so the ratio is one too.',
    },
  },
  {
    id: 'zhangqiu-cadres-per-village',
    district: 'zhangqiu',
    op: 'ratio',
    a: 'zhangqiu-cadres-sent-down',
    b: 'zhangqiu-administrative-villages',
    unit: 'person',
    label: { zh: '平均每个行政村对应的下沉干部数', en: 'Cadres sent down per administrative village, on average' },
    note: {
      zh: '下沉干部数是下限，比值也是下限；干部并非都驻村。',
      en: 'A lower bound, like the cadre count; not every cadre is stationed in a village.',
    },
  },
  {
    id: 'zhangqiu-village-merger-decline',
    district: 'zhangqiu',
    op: 'decline',
    a: 'zhangqiu-villages-before-merger',
    b: 'zhangqiu-villages-after-merger',
    unit: 'percent',
    label: { zh: '合并调整使行政村数量减少的比例', en: 'Fall in the number of villages through mergers' },
    note: {
      zh: '两个数字来自同一篇繁体文本（本站推断写于2022年）；合并前的年份未载明。',
      en: "Both figures come from the same Traditional-script text (2022 by the site's reading); the year before the merger is not given.",
    },
  },
  {
    id: 'fushan-villages-per-joint-committee',
    district: 'fushan',
    op: 'ratio',
    a: 'fushan-administrative-villages',
    b: 'fushan-joint-committees-planned',
    unit: 'count',
    label: {
      zh: '若规划的联合党委覆盖全区，每个联合党委平均对应的行政村数',
      en: 'Villages per joint committee, if the planned committees covered the whole district',
    },
    note: {
      zh: '联合党委的数量是规划数，且与村庄规模调整试点相结合；按规定每个片区覆盖的村数远少于这一比值，所以它们很可能并不覆盖全区。这一比值只说明规模，不是实际覆盖。',
      en: 'The number of committees is a plan, tied to a pilot of village-size adjustment; the stated norm per zone is far fewer villages than this ratio, so the committees probably do not cover the whole district. The ratio indicates scale, not actual coverage.',
    },
  },
  {
    id: 'fushan-grids-per-village',
    district: 'fushan',
    op: 'ratio',
    a: 'fushan-grids',
    b: 'fushan-administrative-villages',
    unit: 'count',
    label: { zh: '平均每个行政村的网格数', en: 'Grids per administrative village, on average' },
  },
  {
    id: 'fushan-small-villages-share-check',
    district: 'fushan',
    op: 'share',
    a: 'fushan-small-villages',
    b: 'fushan-administrative-villages',
    unit: 'percent',
    label: {
      zh: '千人以下小村占全部行政村的比例（复算）',
      en: 'Villages under 1,000 people as a share of all villages (recomputed)',
    },
    note: { zh: '复算结果与报道所给的比例一致。', en: 'The recomputed share matches the one the report gives.' },
  },
];

const SYMBOL: Record<Operation, string> = { ratio: '÷', share: '÷', decline: '−' };

function combine(a: Qualifier, b: Qualifier): Qualifier {
  // A lower bound divided by an exact figure stays a lower bound; anything else is approximate.
  return b === 'exact' && (a === 'more-than' || a === 'at-least') ? a : 'about';
}

/** Computes one derived figure from the observations it names. Throws when an input is missing. */
export function computeDerived(def: DerivedDefinition, obs: Map<string, Observation>): DerivedFigure {
  const a = obs.get(def.a),
    b = obs.get(def.b);
  if (!a || !b) throw new Error(`derived ${def.id}: unknown input ${!a ? def.a : def.b}`);
  const raw =
    def.op === 'ratio'
      ? a.value / b.value
      : def.op === 'share'
        ? (100 * a.value) / b.value
        : (100 * (a.value - b.value)) / a.value;
  const lowerBound = a.qualifier === 'more-than' || a.qualifier === 'at-least';
  // A lower bound is rounded down, so "more than" never overstates it.
  const value = (lowerBound && def.op !== 'decline' ? Math.floor(raw * 10) : Math.round(raw * 10)) / 10;
  const exact = value === raw && a.qualifier === 'exact' && b.qualifier === 'exact';
  const qualifier = exact ? 'exact' : def.op === 'decline' ? 'about' : combine(a.qualifier, b.qualifier);
  const f =
    def.op === 'ratio'
      ? `${a.value} ${SYMBOL.ratio} ${b.value}`
      : def.op === 'share'
        ? `100 × ${a.value} ÷ ${b.value}`
        : `100 × (${a.value} − ${b.value}) ÷ ${a.value}`;
  return { ...def, value, qualifier, formula: { zh: f, en: f } };
}

const computed = new WeakMap<Map<string, Observation>, DerivedFigure[]>();

/** All derived figures, computed (once per observation map: pages and facts ask for them often). */
export function allDerived(obs: Map<string, Observation>): DerivedFigure[] {
  let all = computed.get(obs);
  if (!all) {
    all = DERIVED.map((d) => computeDerived(d, obs));
    computed.set(obs, all);
  }
  return all;
}
