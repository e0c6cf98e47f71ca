/**
 * A light HTML tree for reading built pages at build time: htmlparser2's DOM (domhandler nodes)
 * with CSS selectors from css-select. The search index reads 1,000s of pages with it; a full DOM
 * (linkedom) keeps a WeakMap entry per node, and at that size its cost per page kept growing.
 */
import { compile, is, selectAll, selectOne } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { AnyNode as HtmlNode, Document as HtmlDocument, Element as HtmlElement };

/** Parses HTML (entities decoded, tag and attribute names lower-cased, as browsers do). */
export function parseHtml(html: string): Document {
  return parseDocument(html);
}

type Query = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, Query>();
/** Selectors compiled once: the same few are asked of every page. */
function query(selector: string): Query {
  let q = compiled.get(selector);
  if (!q) {
    q = compile<AnyNode, Element>(selector);
    compiled.set(selector, q);
  }
  return q;
}

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** The first element under `root` (not `root` itself) that matches `selector`, or null. */
export function first(root: AnyNode | AnyNode[], selector: string): Element | null {
  return selectOne<AnyNode, Element>(query(selector), root);
}

/** The elements under `root` (not `root` itself) that match `selector`, in document order. */
export function all(root: AnyNode | AnyNode[], selector: string): Element[] {
  return selectAll<AnyNode, Element>(query(selector), root);
}

/** Whether `el` matches `selector` (in its whole document, as Element.matches). */
export function matches(el: Element, selector: string): boolean {
  return is<AnyNode, Element>(el, query(selector));
}

/** The elements among `nodes` and below them that match `selector`, in document order. */
export function within(nodes: AnyNode[], selector: string): Element[] {
  const out: Element[] = [];
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (matches(n, selector)) out.push(n);
    out.push(...all(n, selector));
  }
  return out;
}

/** The element children of `el`. */
export function childElements(el: Element | Document): Element[] {
  return el.children.filter(isElement);
}

/** The element before `el` among its siblings, or null (Element.previousElementSibling). */
export function previousElement(el: Element): Element | null {
  for (let p = el.prev; p; p = p.prev) if (isElement(p)) return p;
  return null;
}

/** The text of a node and all below it, as Node.textContent (comments left out). */
export function textContent(node: AnyNode | null | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  let out = '';
  for (const c of node.children) out += textContent(c);
  return out;
}

/** An attribute's value, or null when absent. */
export function attr(el: Element, name: string): string | null {
  return el.attribs[name] ?? null;
}

export { isElement };
