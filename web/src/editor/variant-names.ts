/**
 * A formula-style id proposed from a variant's label: words joined in camel case,
 * letters and digits only, starting with a letter, and not one of the ids taken.
 *
 * @example
 * proposeVariantId('Without KB clean-up', []) // 'withoutKbCleanUp'
 * proposeVariantId('2 agents', ['variant2Agents']) // 'variant2Agents2'
 */
export function proposeVariantId(label: string, taken: readonly string[]): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  let id = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
  if (!/^[A-Za-z]/.test(id)) id = `variant${id ? id[0].toUpperCase() + id.slice(1) : ''}`;
  return uniqueId(id.slice(0, 60), taken);
}

/**
 * `id`, or `id` followed by the first number from 2 that makes it unique.
 *
 * @example
 * uniqueId('leanCost', ['leanCost']) // 'leanCost2'
 */
export function uniqueId(id: string, taken: readonly string[]): string {
  if (!taken.includes(id)) return id;
  let n = 2;
  while (taken.includes(`${id}${n}`)) n++;
  return `${id}${n}`;
}

/** Whether a string can be a variant id (the case format's identifier rule). */
export const isVariantId = (id: string): boolean => /^[A-Za-z][A-Za-z0-9_]*$/.test(id);
