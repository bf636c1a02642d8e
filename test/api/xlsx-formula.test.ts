import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { localWorkbook } from '../../api/cli/local-workbook.ts';
import { excelFormula, NoExcelTranslation, type ExcelRefs } from '../../api/services/xlsx/excel-formula.ts';
import { excelNames, looksLikeReference } from '../../api/services/xlsx/excel-names.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import { pointEstimateTrace } from '../../models/engine/point-estimate-trace.ts';
import { FUNCTION_NAMES, FUNCTION_REGISTRY } from '../../models/formula/function-registry.ts';
import { parseFormula } from '../../models/formula/parse-formula.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const refs: ExcelRefs = { month: 'E$2', name: (name) => (name === 'unknown' ? undefined : name === 'v' ? 'E$9' : name) };
const excel = (source: string): string => excelFormula(parseFormula(source, '/x'), refs);

describe('case formulas in Excel syntax', () => {
  it('every registered function has an Excel form', () => {
    for (const name of FUNCTION_NAMES) expect(FUNCTION_REGISTRY[name].excel, name).toBeTypeOf('function');
  });

  it("keeps mathjs precedence where Excel's differs", () => {
    // mathjs: -x^2 = -(x^2); Excel: -x^2 = (-x)^2.
    expect(excel('-x^2')).toBe('-(x^2)');
    expect(excel('(-x)^2')).toBe('(-x)^2');
    // mathjs ^ is right-associative, Excel's left-associative.
    expect(excel('2^3^2')).toBe('2^(3^2)');
    expect(excel('a - (b - c)')).toBe('a-(b-c)');
    expect(excel('a / (b * c)')).toBe('a/(b*c)');
    expect(excel('a - -b')).toBe('a-(-b)');
    expect(excel('(a + b) * v')).toBe('(a+b)*E$9');
  });

  it('turns comparisons and logic into numbers where a number is needed, and keeps them as tests in IF', () => {
    expect(excel('(x > 1) * 10')).toBe('IF(x>1,1,0)*10');
    expect(excel('x > 1 ? a : b')).toBe('IF(x>1,a,b)');
    expect(excel('if(x == 1 and y != 2, a, b)')).toBe('IF(AND(x=1,y<>2),a,b)');
    expect(excel('x mod 3')).toBe('MOD(x,3)');
    expect(excel('x mod y')).toBe('IF(y=0,x,MOD(x,y))');
    expect(excel('ramp(3, 9)')).toBe('MIN(MAX((E$2-3)/(9-3),0),1)');
    expect(excel('ramp(9, 3)')).toBe('IF(E$2>=9,1,0)');
    expect(excel('grow(r) * 2')).toBe('((1+r)^((E$2-1)/12))*2');
    expect(excel('pi')).toBe('pi');
  });

  it('refuses an unknown name and a formula longer than Excel takes', () => {
    expect(() => excel('unknown + 1')).toThrow(NoExcelTranslation);
    const long = `ramp(ramp(ramp(ramp(${'a'.repeat(90)}, b), b), b), b)`;
    expect(() => excel(long)).toThrow(/longer than Excel's 8000 characters/);
  });

  it('names inputs after their ids unless Excel reads them as references or they clash', () => {
    expect(looksLikeReference('abc1')).toBe(true);
    expect(looksLikeReference('xfd1048576')).toBe(true);
    expect(looksLikeReference('xfe1')).toBe(false);
    expect(looksLikeReference('cost1')).toBe(false);
    expect(looksLikeReference('R2C3')).toBe(true);
    expect(looksLikeReference('rate')).toBe(false);
    const names = excelNames(['hours', 'abc1', 'NPV', 'Rate', 'rate', 'npv']);
    // Excel names ignore case: _npv would clash with _NPV.
    expect(Object.fromEntries(names)).toEqual({ hours: 'hours', abc1: '_abc1', NPV: '_NPV', Rate: 'Rate', rate: '_rate', npv: '_npv_2' });
  });

  it('exports a formula with no Excel translation as the point estimate’s values, each with a note', async () => {
    const long = 'q'.repeat(90);
    const document = minimalCase({
      inputs: { ...minimalCase().inputs, [long]: { unit: 'months', source: 'test', distribution: { type: 'fixed', value: 4 } } },
      variables: { v: `ramp(ramp(ramp(ramp(${long}, 12), 12), 12), 12) + 1` },
      benefits: [{ id: 'flat', label: 'Flat benefit', amount: 'benefitPerMonth * v', scaleByAdoption: false }],
    });
    const validated = validateCase(document);
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await localWorkbook(validated, { trials: 100 }, new Date())).buffer);
    const trace = pointEstimateTrace(validated.case);
    let row: ExcelJS.Row | undefined;
    workbook.getWorksheet('Model')!.eachRow((each) => {
      if (each.getCell(1).value === 'v') row = each;
    });
    trace.variables.v.forEach((value, index) => {
      const cell = row!.getCell(5 + index);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(value);
      expect(String(cell.note)).toMatch(/^No Excel translation \(longer than Excel's 8000 characters\)/);
    });
  });
});
