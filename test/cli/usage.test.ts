import { cli } from '../helpers/run-cli-in-process.ts';
import { describe, expect, it } from 'vitest';
import { usageText } from '../../api/cli/usage.ts';

describe('the usage text comes from the command table', () => {
  it('prints one synopsis line per usage entry, in table order, with summaries at column 40', () => {
    const text = usageText([
      { name: 'alpha', usage: ['FILE [--json]', 'A B'], run: () => {} },
      { name: 'beta', usage: [''], summary: 'does beta', run: () => {} },
    ]);
    const lines = text.split('\n');
    const start = lines.indexOf('Usage:');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '  valuegate alpha FILE [--json]',
      '  valuegate alpha A B',
      '  valuegate beta' + ' '.repeat(40 - '  valuegate beta'.length) + 'does beta',
    ]);
    expect(lines[start + 4]).toBe('');
    expect(text).toMatch(/^Exit codes: 0 ok, 1 invalid case file, 2 bad command line\.$/m);
  });

  it('lists exactly the commands runCli accepts', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    const listed = [...new Set([...help.stdout.matchAll(/^ {2}valuegate ([\w-]+)/gm)].map((match) => match[1]))];
    expect(listed).toEqual([
      'simulate',
      'validate',
      'sensitivity',
      'voi',
      'evsi',
      'compare',
      'gate',
      'evidence',
      'actuals',
      'calibration',
      'export',
      'import-xlsx',
      'regate',
      'worker',
      'schema',
    ]);
    for (const name of listed) {
      // Each listed name is a command: missing arguments are its own usage error, never "unknown command".
      const result = await cli(name, 'a', 'b', 'c', 'd');
      expect(result.stderr).not.toMatch(/unknown command/);
      expect(result.code).toBe(2);
    }
    expect((await cli('launch')).stderr).toMatch(/unknown command "launch"/);
    const flagsOnly = await cli('--json');
    expect(flagsOnly.code).toBe(2);
    expect(flagsOnly.stderr).toBe('valuegate: missing command (see valuegate --help)\n');
  });

  it('lists the sensitivity methods the command accepts', async () => {
    const help = await cli('--help');
    expect(help.stdout).toContain('valuegate sensitivity FILE [--method tornado|spider|rank|sobol|breakeven] [--output npv] [--representativeness F] [--json]');
    expect((await cli('sensitivity', 'fixtures/document-processing.json', '--method', 'morris')).stderr).toContain(
      '--method must be one of tornado, spider, rank, sobol, breakeven, got "morris"',
    );
  });
});
