/**
 * Whether every value of a column is the same (a fixed input carries no sensitivity).
 *
 * @example
 * isConstant(new Float64Array([2, 2, 2])) // true
 */
export function isConstant(column: Float64Array): boolean {
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return false;
  return true;
}
