/** The part of citation-js (which ships no types) the tests use to read citation files back. */
declare module '@citation-js/core' {
  /** Parses RIS, CSL-JSON and other formats its plugins register; `data` holds CSL-JSON items. */
  export class Cite {
    constructor(input: unknown);
    data: unknown[];
  }
}
