import { create, parseDependencies } from 'mathjs';
import { closestName } from '../case/closest-name.ts';
import type { BinaryOp, Expr } from './expr.ts';
import { FormulaError } from './formula-error.ts';
import { checkFormulaBounds, checkFormulaDepth, MAX_FORMULA_DEPTH, MAX_FORMULA_NESTING } from './formula-limits.ts';
import { FUNCTION_NAMES, functionSpec } from './function-registry.ts';

// A parse-only mathjs instance: it can build syntax trees but evaluates nothing.
const math = create({ parseDependencies });

const BINARY_OPS: Record<string, BinaryOp> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  mod: 'mod',
  smaller: '<',
  larger: '>',
  smallerEq: '<=',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
  xor: 'xor',
};

interface MathNode {
  type: string;
  [key: string]: unknown;
}

/**
 * Parses one formula with mathjs and converts it to the whitelisted `Expr` tree.
 * Only numbers, names, arithmetic, comparisons, logic, the ternary and the listed
 * functions are accepted; anything else (assignments, arrays, strings, units,
 * property access, function definitions) is a `FormulaError` naming `path`.
 *
 * @example
 * parseFormula('volume * minutesSaved / 60 * adoption', '/benefits/0/amount')
 */
export function parseFormula(source: string | number, path: string): Expr {
  if (typeof source === 'number') return { kind: 'number', value: source };
  if (typeof source !== 'string') throw new FormulaError(path, String(source), 'a formula is a number or a text');
  checkFormulaBounds(source, path);
  let root: MathNode;
  try {
    root = math.parse(source) as unknown as MathNode;
  } catch (error) {
    // The bounds above keep mathjs' recursive parser shallow; a stack overflow here is still a bad formula, not a crash.
    if (error instanceof RangeError) throw new FormulaError(path, source, `formula is nested too deeply; the limit is ${MAX_FORMULA_NESTING}`);
    throw new FormulaError(path, source, `syntax error: ${(error as Error).message}`);
  }
  let expr: Expr;
  try {
    expr = convert(root, source, path);
  } catch (error) {
    if (error instanceof RangeError)
      throw new FormulaError(path, source, `formula is more than ${MAX_FORMULA_DEPTH} operations deep; the limit is ${MAX_FORMULA_DEPTH}`);
    throw error;
  }
  checkFormulaDepth(expr, path, source);
  return expr;
}

function convert(node: MathNode, source: string, path: string): Expr {
  const fail = (problem: string, hint?: string): never => {
    throw new FormulaError(path, source, problem, hint);
  };
  switch (node.type) {
    case 'ConstantNode': {
      const value = node.value;
      if (typeof value === 'number') return { kind: 'number', value };
      if (typeof value === 'boolean') return { kind: 'number', value: value ? 1 : 0 };
      return fail(`only numbers are allowed, not ${typeof value === 'string' ? 'text' : String(value)}`);
    }
    case 'SymbolNode':
      return { kind: 'name', name: node.name as string };
    case 'ParenthesisNode':
      return convert(node.content as MathNode, source, path);
    case 'OperatorNode': {
      const args = (node.args as MathNode[]).map((arg) => convert(arg, source, path));
      const fn = node.fn as string;
      if (args.length === 1) {
        if (fn === 'unaryMinus') return { kind: 'unary', op: 'negate', arg: args[0] };
        if (fn === 'unaryPlus') return args[0];
        if (fn === 'not') return { kind: 'unary', op: 'not', arg: args[0] };
      }
      const op = Object.hasOwn(BINARY_OPS, fn) ? BINARY_OPS[fn] : undefined;
      if (op && args.length === 2) return { kind: 'binary', op, left: args[0], right: args[1] };
      return fail(`the operator "${node.op as string}" is not allowed`);
    }
    case 'ConditionalNode':
      return {
        kind: 'conditional',
        test: convert(node.condition as MathNode, source, path),
        then: convert(node.trueExpr as MathNode, source, path),
        otherwise: convert(node.falseExpr as MathNode, source, path),
      };
    case 'FunctionNode': {
      const callee = node.fn as MathNode;
      if (callee.type !== 'SymbolNode') return fail('only named functions can be called');
      const name = callee.name as string;
      const spec = functionSpec(name);
      if (!spec) {
        return fail(`"${name}" is not an allowed function; allowed: ${FUNCTION_NAMES.join(', ')}`, closestName(name, FUNCTION_NAMES));
      }
      const args = (node.args as MathNode[]).map((arg) => convert(arg, source, path));
      if (args.length < spec.minArgs || args.length > spec.maxArgs) {
        const expected =
          spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : spec.maxArgs === Infinity ? `at least ${spec.minArgs}` : `${spec.minArgs} or ${spec.maxArgs}`;
        return fail(`${name}() takes ${expected} argument${spec.minArgs === 1 && spec.maxArgs === 1 ? '' : 's'}, got ${args.length}: ${spec.doc}`);
      }
      return { kind: 'call', fn: name, args };
    }
    case 'RelationalNode':
      return fail('chained comparisons like "a < b < c" are not allowed; write "a < b and b < c"');
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return fail('assignments are not allowed; define named values under "variables"');
    case 'AccessorNode':
    case 'IndexNode':
      return fail('property access and indexing are not allowed');
    case 'ArrayNode':
    case 'ObjectNode':
    case 'RangeNode':
      return fail('arrays, objects and ranges are not allowed; a formula gives one number');
    case 'BlockNode':
      return fail('a formula is a single expression; separators ";" and newlines are not allowed');
    default:
      return fail(`"${node.type}" is not allowed in a formula`);
  }
}
