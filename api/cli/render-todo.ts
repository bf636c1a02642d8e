import type { TodoItem } from '../../models/compile/case-todo.ts';

/**
 * A to-do list as text: a heading per kind ('run' first), one item a line, in words with
 * the field's label first and the JSON pointer last, as a detail.
 *
 * @example
 * renderTodo([{ path: '/horizonMonths', field: 'Horizon (months)', message: 'Set the horizon…', blocks: 'run' }])
 * // 'To do before it can run (1):\n  - Horizon (months): Set the horizon… (/horizonMonths)\n'
 */
export function renderTodo(todo: readonly TodoItem[]): string {
  const groups: [TodoItem['blocks'], string][] = [
    ['run', 'To do before it can run'],
    ['gate', 'To do before the gate can recommend scaling'],
  ];
  let text = '';
  for (const [blocks, heading] of groups) {
    const items = todo.filter((item) => item.blocks === blocks);
    if (!items.length) continue;
    text += `${heading} (${items.length}):\n`;
    for (const item of items) text += `  - ${item.field}: ${item.message} (${item.path})\n`;
  }
  return text;
}
