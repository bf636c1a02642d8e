import { gateAnalysis } from '../../../models/analysis/index.ts';
import { formatCaseIssue } from '../../../models/case/case-error.ts';
import { toCaseIssues } from '../../../models/case/zod-issues.ts';
import { decisionRulesSchema } from '../../../models/gate/decision-rules.ts';
import { riskTiersSchema } from '../../../models/governance/risk-tiers.ts';
import { z } from 'zod';
import type { CliCommand, CommandOptions } from '../cli-command.ts';
import { analysisSettings, InvalidCase, loadValidCase, print, requireFile } from '../command-helpers.ts';
import { readCaseFile } from '../read-case-file.ts';
import { renderGate } from '../render-analyses.ts';
import { renderGovernance } from '../render-governance.ts';

const governanceSettingsFile = z.object({ tiers: riskTiersSchema }).loose();

/**
 * `valuegate gate FILE`: the gate recommendation, with what to measure first.
 *
 * @example
 * await runCli(['gate', 'case.json', '--rules', 'rules.json']);
 */
export const gateCommand: CliCommand = {
  name: 'gate',
  usage: ['FILE [--trials N] [--rules RULES.json] [--representativeness F] [--governance SETTINGS.json] [--json]'],
  run: runGate,
};

async function runGate(options: CommandOptions): Promise<void> {
  const file = requireFile(options, 'gate');
  const { case: bc, model } = loadValidCase(file, options);
  const settings = analysisSettings(options, bc);
  const today = new Date().toISOString().slice(0, 10);
  const rules = options.rules ? readRules(options.rules) : undefined;
  const tiers = options.governance ? readTiers(options.governance) : undefined;
  const result = gateAnalysis(bc, model, settings, today, { rules, tiers, representativenessFactors: settings.representativenessFactors });
  print(options, result, () => `${renderGate(bc, result, settings.trials)}\n\n${renderGovernance(bc, result, tiers)}`);
}

/** The organisation's risk tiers from a JSON file ({ "tiers": [...] }), validated like PUT /api/governance/settings. */
function readTiers(file: string) {
  const document = readCaseFile(file);
  const parsed = governanceSettingsFile.safeParse(document);
  if (!parsed.success) {
    throw new InvalidCase(
      `${file}: invalid governance settings\n${parsed.error.issues.map((issue) => `  /${issue.path.join('/')}: ${issue.message}`).join('\n')}`,
    );
  }
  return parsed.data.tiers;
}

/** Portfolio-level decision rules from a JSON file, validated with the case format's rules schema. */
function readRules(file: string) {
  const parsed = decisionRulesSchema.safeParse(readCaseFile(file));
  if (!parsed.success) {
    throw new InvalidCase(
      `${file}: invalid decision rules\n${toCaseIssues(parsed.error.issues, decisionRulesSchema, readCaseFile(file))
        .map((issue) => `  ${formatCaseIssue(issue)}`)
        .join('\n')}`,
    );
  }
  return parsed.data;
}
