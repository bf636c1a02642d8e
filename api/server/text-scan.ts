/*
 * Checks on request text that run before any schema or recursive work: a bound on JSON
 * nesting read from the raw text, and a scan for characters storage cannot keep.
 */

/** The deepest JSON nesting a request body may have (case documents nest about 6 levels). */
export const MAX_JSON_DEPTH = 64;

// A NUL (PostgreSQL text refuses it) or a UTF-16 surrogate without its partner (not Unicode text).
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What is wrong with a string that cannot be stored as text, or null when it is fine.
 *
 * @example
 * unstorableText('a\u0000b') // 'contains a NUL character (\\u0000)'
 * unstorableText('ok') // null
 */
export function unstorableText(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? 'contains a NUL character (\\u0000)' : 'contains a lone UTF-16 surrogate (not valid Unicode text)';
}

/**
 * The JSON pointer and problem of the first string (value or key) in a parsed JSON
 * value that cannot be stored as text, or null. Iterative, so any depth is safe.
 *
 * @example
 * findUnstorableText({ name: 'x\u0000' }) // { path: '/name', message: 'contains a NUL character (\\u0000)' }
 */
export function findUnstorableText(value: unknown): { path: string; message: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = unstorableText(item.value);
      if (problem) return { path: item.path, message: problem };
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, child] of Object.entries(item.value)) {
        const path = `${item.path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const problem = unstorableText(key);
        if (problem) return { path, message: `the key ${problem}` };
        stack.push({ value: child, path });
      }
    }
  }
  return null;
}

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, read from the text
 * itself (brackets outside strings), before anything parses or recurses over it.
 *
 * @example
 * jsonDepthExceeds('[[[1]]]', 2) // true
 * jsonDepthExceeds('{"a":"[[["}', 1) // false
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}
