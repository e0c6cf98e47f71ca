/** The part of citation-js (which ships no types) the tests use to read citation files back. */
declare module '@citation-js/core' {
  /** A CSL-JSON item as citation-js reads it back: the fields the checks compare. */
  export interface CslItem {
    title?: string;
    URL?: string;
    version?: string;
    note?: string;
    issued: { 'date-parts': number[][]; circa?: boolean };
    author?: { literal?: string; family?: string }[];
  }
  /** Parses RIS, CSL-JSON and other formats its plugins register; `data` holds CSL-JSON items. */
  export class Cite {
    constructor(input: unknown);
    data: CslItem[];
  }
}
