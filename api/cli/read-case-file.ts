import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

const MAX_CASE_BYTES = 5 * 1024 * 1024;

/**
 * Reads and JSON-parses a case file, turning every I/O or syntax problem into a
 * message that names the file (and the position, for JSON errors).
 *
 * @example
 * const document = readCaseFile('fixtures/contact-center-assistant.json');
 */
export function readCaseFile(path: string): unknown {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new UsageError(`${path}: not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > MAX_CASE_BYTES) throw new UsageError(`${path}: the file is ${size} bytes; case files are limited to ${MAX_CASE_BYTES} bytes`);
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CaseFileSyntaxError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** The file exists but is not JSON. Exit code 1, like any invalid case. */
export class CaseFileSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseFileSyntaxError';
  }
}
