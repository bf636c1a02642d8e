import { closestName } from '../../models/case/closest-name.ts';
import type { CliCommand, CliIo } from './cli-command.ts';
import { InvalidCase } from './command-helpers.ts';
import { actualsCommand } from './commands/actuals.ts';
import { calibrationCommand } from './commands/calibration.ts';
import { compareCommand } from './commands/compare.ts';
import { exportCommand } from './commands/export.ts';
import { evidenceCommand } from './commands/evidence.ts';
import { evsiCommand } from './commands/evsi.ts';
import { gateCommand } from './commands/gate.ts';
import { importXlsxCommand } from './commands/import-xlsx.ts';
import { regateCommand } from './commands/regate.ts';
import { schemaCommand } from './commands/schema.ts';
import { sensitivityCommand } from './commands/sensitivity.ts';
import { simulateCommand } from './commands/simulate.ts';
import { validateCommand } from './commands/validate.ts';
import { voiCommand } from './commands/voi.ts';
import { workerCommand } from './commands/worker.ts';
import { parseOptions } from './parse-options.ts';
import { CaseFileSyntaxError } from './read-case-file.ts';
import { usageText } from './usage.ts';
import { EXIT, UsageError } from './usage-error.ts';

export type { CliIo } from './cli-command.ts';
export { caseJsonSchema } from './commands/schema.ts';
export { useTableCache } from './table-cache.ts';

/**
 * Every command, in the order the usage text lists them. Adding a command is one file in
 * commands/ and one row here: the help text and "did you mean" follow from this table.
 */
const COMMANDS: readonly CliCommand[] = [
  simulateCommand,
  validateCommand,
  sensitivityCommand,
  voiCommand,
  evsiCommand,
  compareCommand,
  gateCommand,
  evidenceCommand,
  actualsCommand,
  calibrationCommand,
  exportCommand,
  importXlsxCommand,
  regateCommand,
  workerCommand,
  schemaCommand,
];

const BY_NAME = new Map(COMMANDS.map((command) => [command.name, command]));

const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

let pipeWatched = false;

/** `valuegate schema | head` closes the pipe early: stop quietly, as Unix tools do. */
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    throw error;
  });
}

/**
 * Runs the CLI and returns the exit code; it never sets process.exitCode, so tests can
 * run it in-process with an `io` that collects the output.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 * let out = ''; await runCli(['schema'], { stdout: { write: (t) => (out += t) }, stderr: { write: () => true } });
 */
export async function runCli(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  if (io === PROCESS_IO) quietOnClosedPipe();
  try {
    const options = parseOptions(argv);
    const name = options.positionals[0];
    if (options.help || name === 'help' || (!name && argv.length === 0)) {
      io.stdout.write(usageText(COMMANDS) + '\n');
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    // Flags without a command (`valuegate --json`) used to crash in "did you mean".
    if (!name) throw new UsageError('missing command');
    const command = BY_NAME.get(name);
    if (!command) {
      const hint = closestName(name, BY_NAME.keys());
      throw new UsageError(`unknown command "${name}"${hint ? `; did you mean "${hint}"?` : ''}`);
    }
    return (await command.run({ ...options, io })) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`valuegate: ${error.message} (see valuegate --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof InvalidCase || error instanceof CaseFileSyntaxError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.invalidCase;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
