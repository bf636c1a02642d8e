/**
 * A progress reporter on stderr: a redrawn bar on a terminal, otherwise a line at
 * each 10% so logs stay short. Silent for small runs.
 *
 * @example
 * const progress = progressBar(1_000_000); progress(500_000, 1_000_000); progress.done();
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = total >= 100_000;
  let lastDecile = -1;
  const report = (done: number, all: number): void => {
    if (!enabled) return;
    const share = Math.min(1, done / all);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'█'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString('en')}/${all.toLocaleString('en')} trials`,
      );
    } else {
      const decile = Math.floor(share * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`progress ${decile * 10}% (${done.toLocaleString('en')}/${all.toLocaleString('en')} trials)\n`);
      }
    }
  };
  return Object.assign(report, {
    done(): void {
      if (enabled && stream.isTTY) stream.write('\n');
    },
  });
}
