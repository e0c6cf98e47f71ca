/** The OpenCC dictionaries are plain `"from to|from to"` strings (opencc-js ships no types for them). */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
