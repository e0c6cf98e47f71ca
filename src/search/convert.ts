/**
 * Traditional → Simplified conversion, phrase-aware (OpenCC's TSPhrases before TSCharacters, longest
 * match first, so 乾隆 stays 乾隆 while 乾淨 becomes 干净). Only these two dictionaries ship:
 * the index builder and the search page use the same ones, so a query and the text it should
 * find convert alike.
 */
import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/** Converts Traditional Chinese characters and phrases to Simplified; other text is unchanged. */
export const toSimplified: (s: string) => string = ConverterFactory([TSPhrases, TSCharacters]);
