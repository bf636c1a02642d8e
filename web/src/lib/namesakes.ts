import type { CaseListItem } from './api-types.ts';

/**
 * The other listed cases with the same name as `item` (ignoring case and surrounding spaces),
 * so a list can tell them apart by owner and date.
 *
 * @example
 * namesakesOf(items[0], items).map((other) => other.owner) // ['Sam Sponsor']
 */
export function namesakesOf<Item extends Pick<CaseListItem, 'id' | 'name'>>(item: Item, items: Item[]): Item[] {
  const key = item.name.trim().toLowerCase();
  return items.filter((other) => other.id !== item.id && other.name.trim().toLowerCase() === key);
}
