/** Escaping for text and attribute values written into HTML, SVG and XML by hand. */

/** `s` with `&`, `<`, `>` and `"` as entities: safe as element text and as a double-quoted attribute value. */
export function escapeMarkup(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
