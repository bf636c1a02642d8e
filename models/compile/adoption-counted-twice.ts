import { namesIn } from '../formula/expr.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import type { CaseIssue } from '../case/case-error.ts';

/**
 * Benefit lines that the engine scales by the adoption curve while their own formulas
 * already use `adoption` (directly or through variables), so adoption counts twice:
 * a 60 % adoption month would book 36 % of the value. One warning per such line, naming
 * the chain of variables that leads to `adoption`.
 *
 * @example
 * adoptionCountedTwice(bc) // [{ path: '/benefits/0/amount', message: 'adoption is counted twice: …' }]
 */
export function adoptionCountedTwice(bc: BusinessCase): CaseIssue[] {
  const variables = bc.variables ?? {};
  const chains = new Map<string, string[] | null>();
  const chainTo = (formula: string | number, path: string, visiting: Set<string>): string[] | null => {
    for (const name of namesIn(parseFormula(formula, path))) {
      if (name === 'adoption') return ['adoption'];
      if (!(name in variables) || visiting.has(name)) continue;
      if (!chains.has(name)) {
        visiting.add(name);
        const inner = chainTo(variables[name], `/variables/${name}`, visiting);
        visiting.delete(name);
        chains.set(name, inner && [name, ...inner]);
      }
      const chain = chains.get(name);
      if (chain) return chain;
    }
    return null;
  };
  const warnings: CaseIssue[] = [];
  bc.benefits.forEach((line, index) => {
    if (!line.scaleByAdoption) return;
    const chain = chainTo(line.amount, `/benefits/${index}/amount`, new Set());
    if (!chain) return;
    warnings.push({
      path: `/benefits/${index}/amount`,
      message:
        `adoption is counted twice in benefit "${line.id}": its amount uses ${chain.join(' → ')} and the line is also scaled by the adoption curve; ` +
        'use a volume without adoption in the formula, or set "scaleByAdoption": false',
    });
  });
  return warnings;
}
