/**
 * One colour per district, used by every chart and map: the Okabe–Ito colour-blind-safe set,
 * mid-tones with at least 3:1 contrast against both the light (#fdfcf9) and dark (#16171a) page.
 */
export const DISTRICT_COLOUR: Record<string, string> = {
  zhangqiu: '#0072b2',
  shizhong: '#d55e00',
  fushan: '#009e73',
};
/** Grey for context (other districts on maps, gridlines). */
export const CONTEXT_COLOUR = '#8a8d93';
