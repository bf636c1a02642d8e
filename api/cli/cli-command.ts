import type { CliOptions } from './parse-options.ts';

/** Where the CLI writes: the process's streams, or strings collected by a test. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The parsed options and the streams a command writes to. */
export type CommandOptions = CliOptions & { io: CliIo };

/**
 * One row of the CLI's command table: its name, its synopsis lines for the usage text,
 * and what it runs. A number `run` returns is the exit code (default 0).
 *
 * @example
 * export const voiCommand: CliCommand = { name: 'voi', usage: ['FILE [--trials N] [--json]'], run: async (options) => {} };
 */
export interface CliCommand {
  name: string;
  /** Synopsis lines, each printed as `valuegate <name> <line>`. */
  usage: readonly string[];
  /** A one-line description printed beside a synopsis, for commands whose synopsis says little. */
  summary?: string;
  run(options: CommandOptions): Promise<number | void> | number | void;
}
