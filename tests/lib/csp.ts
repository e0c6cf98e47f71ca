/**
 * Reads a page's Content-Security-Policy `<meta>` and checks the page against it without a
 * browser: script-src free of 'unsafe-inline'/'unsafe-eval', every inline script, `<style>` and
 * `style` attribute allowed by a listed hash, no inline event handlers or javascript: URLs.
 */
import { createHash } from 'node:crypto';

/** Directive name → its source tokens, as written. */
export type Policy = Map<string, string[]>;

/** Parses a policy string into directives (first occurrence wins, as browsers do). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that govern `kind` (e.g. `script-src-elem`), following CSP3's fallback chain. */
export function effective(policy: Policy, kind: string): string[] | undefined {
  const chain: Record<string, string[]> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
    'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
    'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
  };
  for (const d of chain[kind] ?? [kind, 'default-src']) if (policy.has(d)) return policy.get(d);
  return undefined;
}

/** `'sha256-…'` of a text, as CSP lists it. */
export const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decodeAttr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every problem of one HTML page with respect to its own CSP meta (empty when it is sound). */
export function cspProblems(html: string): string[] {
  const problems: string[] = [];
  const metas = [...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/gi)];
  if (metas.length !== 1) return [`${metas.length} Content-Security-Policy <meta> elements (want exactly 1)`];
  const meta = metas[0]!;
  const head = html.slice(0, html.search(/<\/head>/i));
  if (meta.index! > head.length) problems.push('the CSP <meta> is not in <head>');
  // A meta policy governs only what the parser meets after it.
  const before = html.slice(0, meta.index);
  // JSON-LD is data the browser never runs, so it may come first.
  const executable = before.replace(/<script\b[^>]*type="application\/ld\+json"[^>]*>[\s\S]*?<\/script>/gi, '');
  if (/<script\b|<style\b|<link\b[^>]*rel="?stylesheet/i.test(executable))
    problems.push('a script or stylesheet precedes the CSP <meta>');
  const policy = parsePolicy(decodeAttr(meta[1]!));
  for (const kind of ['script-src-elem', 'script-src-attr'] as const) {
    const sources = effective(policy, kind);
    if (!sources) problems.push(`no ${kind}, script-src or default-src: scripts are unrestricted`);
    else
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
        if (sources.includes(bad)) problems.push(`${kind} allows ${bad}`);
      }
  }
  if (!policy.get('object-src')?.includes("'none'")) problems.push("object-src is not 'none'");
  if (!policy.has('base-uri')) problems.push('no base-uri');
  if (!/<meta name="referrer" content="[a-z-]+"/.test(head)) problems.push('no referrer policy <meta>');

  const scriptElem = effective(policy, 'script-src-elem') ?? [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1]!;
    if (/\ssrc=/i.test(attrs)) continue;
    // JSON-LD and other data blocks are never executed, so CSP does not apply to them.
    if (/\stype="?(application\/ld\+json|application\/json)"?/i.test(attrs)) continue;
    if (!scriptElem.includes(hashSource(m[2]!)))
      problems.push(`inline <script> not allowed by a hash: ${m[2]!.trim().slice(0, 60)}`);
  }
  const styleElem = effective(policy, 'style-src-elem') ?? [];
  if (!styleElem.includes("'unsafe-inline'")) {
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      if (!styleElem.includes(hashSource(m[1]!)))
        problems.push(`inline <style> not allowed by a hash: ${m[1]!.trim().slice(0, 60)}`);
    }
  }
  const styleAttr = effective(policy, 'style-src-attr') ?? [];
  if (!styleAttr.includes("'unsafe-inline'")) {
    for (const m of html.matchAll(/<[a-z][\w:-]*(?:\s[^>]*?)?\sstyle="([^"]*)"/gi)) {
      const value = decodeAttr(m[1]!);
      if (!(styleAttr.includes("'unsafe-hashes'") && styleAttr.includes(hashSource(value))))
        problems.push(`style="${value}" not allowed by a hash`);
    }
  }
  for (const m of html.matchAll(/<[a-z][\w:-]*(?:\s[^>]*?)?\s(on[a-z]+)=/gi))
    problems.push(`inline event handler ${m[1]}=`);
  for (const m of html.matchAll(/\s(?:href|src|action|formaction)="\s*javascript:/gi))
    problems.push(`javascript: URL ${m[0].trim()}`);
  return [...new Set(problems)];
}
