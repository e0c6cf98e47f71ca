/**
 * The rules that keep every figure saying what it is, checked on the current data (frozen releases
 * predate them and stay as released): a figure narrower than the district names its unit, a date
 * says whose it is, a rule in times or days says per what, a group of one indicator across
 * districts that counts differently carries a note, and one figure from two sources is linked.
 * Pure: returns problems in check:data's words.
 */
import { measureWord } from './figure.ts';
import type { DataProblem } from './loadDataset.ts';
import type { Dataset, Observation } from './schemas.ts';

const OBS = 'observations.json';
/** Units a rule is counted in that mean nothing without a period ("1 time": a month? a year?). */
const RATE_UNITS = new Set<Observation['unit']>(['occurrence', 'days', 'person-time']);

/** Every problem of the figure rules in `data`, each naming file, record, field and the rule. */
export function figureRuleProblems(data: Dataset): DataProblem[] {
  const problems: DataProblem[] = [];
  const say = (file: string, record: string, field: string, expected: string) =>
    problems.push({ file, record, field, expected });
  const byId = new Map(data.observations.map((o) => [o.id, o] as const));

  for (const o of data.observations) {
    if (o.scope.level !== 'district' && !o.scope.name)
      say(
        OBS,
        o.id,
        'scope.name',
        o.scope.level === 'per-unit'
          ? 'what the figure is per ("每个党建工作区" / "each work zone"): a per-unit figure shown under a district says so (rule: scope)'
          : `the name of the ${o.scope.level} the figure covers: a figure narrower than the district is shown with its place (rule: scope)`,
      );
    if (!o.dateBasis)
      say(OBS, o.id, 'dateBasis', 'printed, report or inferred: whose date the figure carries (rule: date)');
    else if ((o.dateBasis === 'inferred' || o.dateBasis === 'latest') && !o.dateNote)
      say(OBS, o.id, 'dateNote', `how the site infers the date, when dateBasis is ${o.dateBasis} (rule: date)`);
    if (o.kind === 'standard' && RATE_UNITS.has(o.unit) && !o.per)
      say(
        OBS,
        o.id,
        'per',
        `the period a rule counted in ${o.unit} applies to (once a month: per "month") (rule: rate)`,
      );
    if (o.sameAs) {
      const twin = byId.get(o.sameAs);
      if (!twin) say(OBS, o.id, 'sameAs', `a known observation id (got "${o.sameAs}")`);
      else if (twin.source === o.source || twin.indicator !== o.indicator || twin.value !== o.value)
        say(OBS, o.id, 'sameAs', `the same figure (indicator and value) from another source (got "${o.sameAs}")`);
    }
  }

  // A glossary entry opens with its meaning in one line; the definition is the detail after it.
  for (const g of data.glossary)
    if (!g.short)
      say(
        'glossary.json',
        g.id,
        'short',
        'the meaning in one line, in zh and en, shown before the definition (rule: glossary)',
      );

  for (const d of data.districts)
    for (const lang of ['zh', 'en'] as const)
      if (d.model.startNote && !d.model.startNote[lang].includes('{year}'))
        say('districts.json', d.id, `model.startNote.${lang}`, 'a phrase holding {year}, where the start year goes');

  // One figure from two sources must be linked, so views show it once citing both.
  const key = (o: Observation) =>
    [o.district, o.indicator, o.value, o.high, o.qualifier, o.kind, o.per, o.scope.level, o.scope.name?.zh].join('|');
  const seen = new Map<string, Observation[]>();
  for (const o of data.observations) seen.set(key(o), [...(seen.get(key(o)) ?? []), o]);
  for (const group of seen.values()) {
    if (group.length < 2 || new Set(group.map((o) => o.source)).size < 2) continue;
    const linked = (a: Observation, b: Observation) => a.sameAs === b.id || b.sameAs === a.id;
    for (const o of group.slice(1))
      if (!group.some((x) => x !== o && linked(x, o)))
        say(
          OBS,
          o.id,
          'sameAs',
          `a link to ${group[0]!.id}, the same figure from another source (rule: one figure, shown once with both sources)`,
        );
  }

  // A group of one indicator across districts that counts differently needs a note naming the difference.
  const byIndicator = new Map<string, Observation[]>();
  for (const o of data.observations) byIndicator.set(o.indicator, [...(byIndicator.get(o.indicator) ?? []), o]);
  for (const ind of data.indicators) {
    const obs = byIndicator.get(ind.id) ?? [];
    if (new Set(obs.map((o) => o.district)).size < 2 || ind.comparisonNote) continue;
    const counted = new Set(obs.map((o) => `${o.unit}:${measureWord(o) ?? ''}`));
    if (counted.size > 1)
      say(
        'indicators.json',
        ind.id,
        'comparisonNote',
        `a note on what each district counts: its figures are counted differently (${[...counted].sort().join(', ')}) (rule: comparison group)`,
      );
  }
  return problems;
}
