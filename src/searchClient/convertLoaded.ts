/**
 * The search page's Traditional → Simplified converter: OpenCC's converter over the reduced
 * dictionary that the index builder wrote for this index (see convertSubset.ts).
 */
import { ConverterFactory } from 'opencc-js/core';

/** A phrase-aware converter from an OpenCC `"from to|…"` dictionary string. */
export function converterFrom(dict: string): (s: string) => string {
  return ConverterFactory([dict]);
}
