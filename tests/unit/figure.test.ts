// The one formatter from a figure to words (src/i18n/figure.ts): every kind, scope level,
// qualifier, rate period and date basis, in both languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DerivedFigure } from '../../src/dataset/derived.ts';
import type { Observation } from '../../src/dataset/schemas.ts';
import { comparabilityNotes } from '../../src/i18n/comparability.ts';
import {
  dataPointDates,
  describeDerived,
  describeFigure,
  figureAbout,
  figureLine,
  measureWord,
  scopeWords,
  type FigureSource,
} from '../../src/i18n/figure.ts';

const PRINTED_REPORT: FigureSource = { date: '2022-07-14', dateInferred: false };
const INFERRED_REPORT: FigureSource = { date: '2024-05', dateEnd: '2024-07', dateInferred: true };

const obs = (o: Partial<Observation>): Observation => ({
  id: 'x-y',
  district: 'x',
  indicator: 'y',
  value: 1,
  unit: 'count',
  qualifier: 'exact',
  kind: 'achieved',
  asOf: '2024-05',
  asOfPrecision: 'month',
  dateBasis: 'report',
  scope: { level: 'district' },
  source: 's',
  locator: '1个',
  figure: '1个',
  label: { zh: '标签', en: 'label' },
  ...o,
});

test('the source measure word stands in Chinese, Simplified even from a Traditional source', () => {
  const problems = obs({ value: 16000, qualifier: 'more-than', figure: '1.6万余条' });
  assert.equal(measureWord(problems), '条');
  assert.equal(describeFigure(problems, PRINTED_REPORT, 'zh').value, '1.6万余条');
  assert.equal(describeFigure(problems, PRINTED_REPORT, 'en').value, 'more than 16,000');
  assert.equal(measureWord(obs({ figure: '890個' })), '个');
  assert.equal(measureWord(obs({ figure: '23场次', unit: 'occurrence' })), '场次');
  const sessions = obs({ value: 23, unit: 'occurrence', figure: '23场次' });
  assert.equal(describeFigure(sessions, PRINTED_REPORT, 'en').value, '23 sessions');
  assert.equal(describeFigure(sessions, PRINTED_REPORT, 'zh').value, '23场次');
  assert.equal(measureWord(obs({ figure: '1000亩以上', unit: 'mu' })), undefined);
  assert.equal(describeFigure(obs({ value: 159, figure: '159家' }), PRINTED_REPORT, 'zh').value, '159家');
  assert.equal(
    describeFigure(obs({ value: 20367, unit: 'person', figure: '20367名' }), PRINTED_REPORT, 'zh').value,
    '20367名',
  );
});

test('each kind in words, and only a claimed result counts as achieved', () => {
  const words = (kind: Observation['kind'], lang: 'zh' | 'en') =>
    describeFigure(obs({ kind, ...(kind === 'target' ? { targetDate: '2022-12' } : {}) }), PRINTED_REPORT, lang);
  assert.equal(words('achieved', 'zh').kind, '已实现（据称）');
  assert.equal(words('achieved', 'en').kind, 'achieved (as claimed)');
  assert.equal(words('projection', 'zh').kind, '预期效果（据称）');
  assert.equal(words('projection', 'en').kind, 'expected effect (as claimed)');
  assert.equal(words('target', 'en').kind, 'target');
  assert.equal(words('plan', 'zh').kind, '计划');
  assert.equal(words('standard', 'en').kind, 'standard or rule');
  assert.deepEqual(
    (['achieved', 'target', 'plan', 'standard', 'projection'] as const).map((k) => words(k, 'en').achieved),
    [true, false, false, false, false],
  );
});

test('every scope level narrower than the district names its unit', () => {
  const levels = ['subdistrict', 'zone', 'village', 'community', 'organisation', 'project'] as const;
  for (const level of levels) {
    const scope = { level, name: { zh: '三涧溪村', en: 'Sanjianxi Village' } };
    assert.equal(scopeWords(scope, 'zh'), '仅三涧溪村', level);
    assert.equal(scopeWords(scope, 'en'), 'Sanjianxi Village only', level);
    assert.equal(describeFigure(obs({ scope }), PRINTED_REPORT, 'en').narrow, true, level);
  }
  const perUnit = { level: 'per-unit' as const, name: { zh: '每个党建工作区', en: 'each work zone' } };
  assert.equal(scopeWords(perUnit, 'zh'), '每个党建工作区');
  assert.equal(scopeWords(perUnit, 'en'), 'each work zone');
  assert.equal(scopeWords({ level: 'district' }, 'zh'), '全区');
  assert.equal(scopeWords({ level: 'district' }, 'en'), 'whole district');
  assert.equal(describeFigure(obs({}), PRINTED_REPORT, 'en').narrow, false);
});

test('qualifiers stay bounds, an inverted bound states the aim, a rule carries its period', () => {
  const en = (o: Partial<Observation>) => describeFigure(obs(o), PRINTED_REPORT, 'en').value;
  const zh = (o: Partial<Observation>) => describeFigure(obs(o), PRINTED_REPORT, 'zh').value;
  assert.equal(
    en({ value: 1200, unit: 'person', qualifier: 'more-than', figure: '1200多人' }),
    'more than 1,200 people',
  );
  assert.equal(zh({ value: 1200, unit: 'person', qualifier: 'more-than', figure: '1200多人' }), '1200余人');
  assert.equal(en({ value: 15, unit: 'person', qualifier: 'at-least', figure: '不少于15名' }), 'at least 15 people');
  assert.equal(zh({ value: 500000, unit: 'yuan', qualifier: 'nearly', figure: '近50万元' }), '近50万元');
  assert.equal(en({ value: 3, high: 8, qualifier: 'range', figure: '3—8个' }), '3–8');
  // 600平方米以下的全面清零: the aim is that every centre is larger than 600 m².
  const area = {
    value: 600,
    unit: 'm2' as const,
    qualifier: 'more-than' as const,
    inverted: true as const,
    figure: '600平方米以下',
  };
  assert.equal(zh(area), '超过600平方米');
  assert.equal(en(area), 'more than 600 m²');
  const meeting = { unit: 'occurrence' as const, kind: 'standard' as const, figure: '1次' };
  assert.equal(en({ ...meeting, per: 'month' }), 'once a month');
  assert.equal(zh({ ...meeting, per: 'month' }), '每月1次');
  assert.equal(en({ ...meeting, per: 'fortnight' }), 'once every two weeks');
  assert.equal(zh({ ...meeting, per: 'fortnight' }), '每两周1次');
  assert.equal(
    en({ value: 3, unit: 'days', qualifier: 'at-least', per: 'week', figure: '不少于3天' }),
    'at least 3 days a week',
  );
  assert.equal(
    zh({ value: 3, unit: 'days', qualifier: 'at-least', per: 'week', figure: '不少于3天' }),
    '每周不少于3天',
  );
});

test('a printed date reads as printed; a date from the report says so; an inferred one is marked', () => {
  const period = (o: Partial<Observation>, src: FigureSource, lang: 'zh' | 'en') => describeFigure(obs(o), src, lang);
  const printed = period({ asOf: '2023-12', dateBasis: 'printed' }, INFERRED_REPORT, 'zh');
  assert.equal(printed.period, '截至2023年12月');
  assert.equal(printed.inferred, false);
  assert.equal(period({ asOf: '2023-12', dateBasis: 'printed' }, INFERRED_REPORT, 'en').period, 'as of December 2023');
  assert.equal(
    period({ asOf: '2023', periodStart: '2023', dateBasis: 'printed' }, INFERRED_REPORT, 'en').period,
    'in 2023',
  );
  // The undated 2024 report: its date is the site's inference, never the district's.
  const report = period({}, INFERRED_REPORT, 'zh');
  assert.equal(report.period, '截至报道时（2024年5月至7月，本站推断）');
  assert.equal(report.inferred, true);
  assert.equal(period({}, INFERRED_REPORT, 'en').period, "as of the report (May–July 2024, site's inference)");
  assert.equal(period({ asOf: '2022-07' }, PRINTED_REPORT, 'en').period, 'as of the report (14 July 2022)');
  assert.equal(period({ asOf: '2022-07' }, PRINTED_REPORT, 'en').inferred, false);
  // A flow to the report: its start as printed, its end the report's.
  assert.equal(
    period({ periodStart: '2023' }, INFERRED_REPORT, 'zh').period,
    '2023年以来，至报道时（2024年5月至7月，本站推断）',
  );
  assert.equal(
    period({ periodStart: '2023' }, INFERRED_REPORT, 'en').period,
    "since 2023, to the report (May–July 2024, site's inference)",
  );
  // Rules, plans and projections are dated by the report that states them.
  assert.equal(period({ kind: 'standard' }, PRINTED_REPORT, 'zh').period, '见于报道（2022年7月14日）');
  assert.equal(
    period({ kind: 'projection' }, INFERRED_REPORT, 'en').period,
    "as reported (May–July 2024, site's inference)",
  );
  // A date the site infers from the text.
  const NOTE = { zh: '推断', en: 'inferred' };
  const inferred = period({ asOf: '2023', dateBasis: 'inferred', dateNote: NOTE }, PRINTED_REPORT, 'en');
  assert.equal(inferred.period, "as of 2023 (site's inference)");
  assert.equal(inferred.inferred, true);
  // A flow whose start the site infers, running to the report.
  const since = { periodStart: '2023', dateBasis: 'inferred' as const, dateNote: NOTE };
  assert.equal(period(since, INFERRED_REPORT, 'zh').period, '2023年以来，至报道时（2024年5月至7月；起止均为本站推断）');
  assert.equal(
    period({ ...since, periodStart: '2021', asOf: '2022-07' }, PRINTED_REPORT, 'en').period,
    "since 2021, to the report (14 July 2022; the start is the site's inference)",
  );
  // A figure the source leaves undated: only the latest it can date from.
  const latest = period({ asOf: '2022', dateBasis: 'latest', dateNote: NOTE }, PRINTED_REPORT, 'zh');
  assert.equal(latest.period, '不晚于2022年（原文未写日期，本站推断）');
  assert.equal(latest.inferred, true);
  assert.equal(
    period({ asOf: '2022', dateBasis: 'latest' }, PRINTED_REPORT, 'en').period,
    "no later than 2022 (undated in the source, site's inference)",
  );
  // An event of one day happens on it; a year's flow in it.
  assert.equal(
    period({ periodStart: '2022-04-12', asOf: '2022-04-12', dateBasis: 'printed' }, PRINTED_REPORT, 'en').period,
    'on 12 April 2022',
  );
  // A target by its deadline; "年底前" with the report's year is an inference.
  const target = { kind: 'target' as const, targetDate: '2022-12', dateBasis: 'inferred' as const };
  assert.equal(period(target, PRINTED_REPORT, 'zh').period, '2022年12月前（本站推断）');
  assert.equal(period(target, PRINTED_REPORT, 'en').period, "by December 2022 (site's inference)");
  assert.equal(period({ ...target, dateBasis: 'printed' }, PRINTED_REPORT, 'en').period, 'by December 2022');
  assert.deepEqual(dataPointDates(obs(target), INFERRED_REPORT, 'en'), {
    target: "by December 2022 (site's inference)",
    period: "as reported (May–July 2024, site's inference)",
  });
});

test('a line says what a figure is, leaving out only what the view states once', () => {
  const village = obs({
    value: 145,
    unit: 'person',
    figure: '145名',
    scope: { level: 'village', name: { zh: '三涧溪村', en: 'Sanjianxi Village' } },
  });
  const zh = describeFigure(village, INFERRED_REPORT, 'zh');
  assert.equal(figureLine(zh), '145名 · 仅三涧溪村 · 截至报道时（2024年5月至7月，本站推断）');
  const jobs = obs({ value: 6000, unit: 'person', qualifier: 'more-than', kind: 'projection', figure: '6000多人' });
  const en = describeFigure(jobs, INFERRED_REPORT, 'en');
  assert.equal(
    figureLine(en),
    "more than 6,000 people · expected effect (as claimed) · as reported (May–July 2024, site's inference)",
  );
  assert.equal(figureLine(en, { period: true }), 'more than 6,000 people · expected effect (as claimed)');
  assert.equal(figureAbout(en, { kind: true, period: true }), '');
  assert.equal(
    figureLine(describeFigure(obs({ value: 75, figure: '75个' }), PRINTED_REPORT, 'en')),
    '75 · as of the report (14 July 2022)',
  );
});

test('a derived figure says it is derived, and what its inputs are when not results', () => {
  const a = obs({ id: 'a', value: 80, qualifier: 'more-than', unit: 'percent', kind: 'target', targetDate: '2022-12' });
  const b = obs({ id: 'b', value: 10 });
  const d = {
    id: 'd',
    district: 'x',
    op: 'ratio',
    a: 'a',
    b: 'b',
    unit: 'count',
    value: 8,
    qualifier: 'more-than',
    label: { zh: 'd', en: 'd' },
    formula: { zh: '80 ÷ 10', en: '80 ÷ 10' },
  } satisfies DerivedFigure;
  const en = describeDerived(d, { a, b }, PRINTED_REPORT, 'en');
  assert.equal(en.kind, 'derived (from a target)');
  assert.equal(en.achieved, false);
  assert.equal(en.scope, 'derived: 80 ÷ 10');
  assert.equal(describeDerived(d, { a: b, b }, PRINTED_REPORT, 'zh').kind, '派生');
});

test('a comparison note names each figure and what differs', () => {
  const zq = obs({ value: 900, unit: 'case', qualifier: 'more-than', figure: '900多件', periodStart: '2023' });
  const fs = obs({ value: 16000, unit: 'count', qualifier: 'more-than', figure: '1.6万余条', periodStart: '2021' });
  const sz = obs({
    value: 1053,
    unit: 'case',
    figure: '1053件',
    scope: { level: 'community', name: { zh: '春元里社区', en: 'Chunyuanli community' } },
  });
  const items = [
    { o: zq, w: describeFigure(zq, INFERRED_REPORT, 'zh'), district: '章丘区' },
    { o: sz, w: describeFigure(sz, INFERRED_REPORT, 'zh'), district: '市中区' },
    { o: fs, w: describeFigure(fs, PRINTED_REPORT, 'zh'), district: '福山区' },
  ];
  const notes = comparabilityNotes(items, { comparisonNote: { zh: '口径说明。', en: 'About the counts.' } }, 'zh');
  const scope = notes.find((n) => n.startsWith('范围不同'));
  assert.ok(scope?.includes('市中区1053件：仅春元里社区'), notes.join('\n'));
  assert.ok(scope?.includes('章丘区900余件：全区'), scope);
  const measure = notes.find((n) => n.startsWith('计量不同'));
  assert.ok(measure?.includes('福山区1.6万余条：以“条”计'), notes.join('\n'));
  assert.ok(
    notes.some((n) => n.startsWith('时间不同') && n.includes('本站推断')),
    notes.join('\n'),
  );
  assert.ok(notes.includes('口径说明。'));
  // Where the view lists each figure's kind, scope and period, the notes say what differs without repeating them.
  const listed = comparabilityNotes(items, {}, 'zh', { listed: true });
  assert.ok(
    listed.some((n) => n.startsWith('范围不同（见各行）：') && !n.includes('春元里')),
    listed.join('\n'),
  );
  assert.ok(
    listed.some((n) => n === '时间不同（见各行）。'),
    listed.join('\n'),
  );
  assert.ok(
    listed.some((n) => n.includes('福山区1.6万余条：以“条”计')),
    'the measure note still names each figure',
  );
  // Figures alike in kind, scope, period and measure need no note but the lower-bound one.
  const same = [items[0]!, { ...items[0]!, district: '福山区' }];
  assert.deepEqual(
    comparabilityNotes(same, {}, 'en').map((n) => n.split(';')[0]),
    ['Figures marked "more than" or "at least" are lower bounds'],
  );
});
