/**
 * Traditional → Simplified conversion, phrase-aware (OpenCC's TSPhrases before TSCharacters, longest
 * match first, so 乾隆 stays 乾隆 while 乾淨 becomes 干净). The index builder uses these two
 * dictionaries whole; the search page loads only the entries of them that its index can need
 * (convertSubset.ts), which convert a query alike wherever that could change what it finds.
 */
import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/** Converts Traditional Chinese characters and phrases to Simplified; other text is unchanged. */
export const toSimplified: (s: string) => string = ConverterFactory([TSPhrases, TSCharacters]);
