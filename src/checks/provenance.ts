/**
 * Provenance: does each observation's locator stand in its source text, and does the figure it
 * quotes say what the record says? Pure functions; the script `scripts/checkSources.ts` does the I/O.
 */
import { ELISION, figureInLocator } from '../dataset/figure.ts';
import { parseQuantity } from './quantity.ts';
import type { Observation } from '../dataset/schemas.ts';

/**
 * Normalises text for locator matching: NFKC (full-width punctuation and digits to half-width),
 * all whitespace and line breaks removed (the Shizhong text breaks lines mid-word), dashes and
 * quotation marks folded to one form each.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[—–‒―－~～〜-]+/g, '—')
    .replace(/[“”„‟＂"]/g, '"')
    .replace(/[‘’‚‛']/g, "'")
    .replace(/[、]/g, ',');
}

/** One reason an observation fails its provenance check, for the report. */
export interface ProvenanceProblem {
  id: string;
  source: string;
  reason: string;
}

/** The bound that is left when the source's bound is what is to go: "600 m² or less cleared" leaves "more than 600 m²". */
const COMPLEMENT: Partial<Record<Observation['qualifier'], Observation['qualifier']>> = {
  'at-most': 'more-than',
  under: 'at-least',
  'at-least': 'under',
  'more-than': 'at-most',
};

/**
 * Checks one observation against its source text. Returns every problem found (empty when the
 * locator is found and the figure parses to the record's value, qualifier and unit).
 */
export function checkObservationProvenance(o: Observation, sourceText: string): ProvenanceProblem[] {
  const problems: ProvenanceProblem[] = [];
  const say = (reason: string) => problems.push({ id: o.id, source: o.source, reason });
  const text = normaliseForMatch(sourceText);
  if (!text.includes(normaliseForMatch(o.locator))) say(`locator "${o.locator}" not found in ${o.source}`);
  if (!figureInLocator(o.figure, o.locator)) say(`figure "${o.figure}" is not inside the locator "${o.locator}"`);
  let parsed: ReturnType<typeof parseQuantity>;
  try {
    parsed = parseQuantity(o.figure.replace(ELISION, ''));
  } catch (e) {
    say(`figure cannot be parsed: ${(e as Error).message}`);
    return problems;
  }
  if (parsed.value !== o.value) say(`figure "${o.figure}" gives value ${parsed.value}, record says ${o.value}`);
  if ((parsed.high ?? null) !== (o.high ?? null))
    say(`figure "${o.figure}" gives high ${parsed.high}, record says ${o.high}`);
  // An inverted record states the aim, the complement of the bound the source says is to go.
  const expected = o.inverted ? COMPLEMENT[parsed.qualifier] : parsed.qualifier;
  if (expected !== o.qualifier)
    say(
      `figure "${o.figure}" gives qualifier ${parsed.qualifier}${o.inverted ? ` (inverted: ${expected})` : ''}, record says ${o.qualifier}`,
    );
  if (parsed.unit !== o.unit) say(`figure "${o.figure}" gives unit ${parsed.unit}, record says ${o.unit}`);
  return problems;
}
