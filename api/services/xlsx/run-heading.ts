import type { RunRecord } from '../run-store.ts';

/**
 * The line that heads every sheet of simulated results: which run, and the settings that
 * replay it, so a reader knows the figures are values from the simulation, not formulas.
 *
 * @example
 * runHeading(run) // 'Simulated results (values, not formulas) of run 1f…: seed 42, 10,000 trials, lhs sampling, engine 7, case version 3, case hash ab…'
 */
export function runHeading(run: RunRecord): string {
  return (
    `Simulated results (values, not formulas) of run ${run.id}: seed ${run.seed}, ${run.trials.toLocaleString('en')} trials, ` +
    `${run.sampling} sampling, engine ${run.engineVersion}, case version ${run.caseVersion}, case hash ${run.caseHash}`
  );
}
