/** A bad command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes, so scripts can tell a bad case from a bad command line. */
export const EXIT = { ok: 0, invalidCase: 1, usage: 2 } as const;
