/** Per-trial output columns of one run, by output id. */
export type TrialColumns = Record<string, Float64Array>;

interface Entry {
  columns: Promise<TrialColumns>;
  users: number;
}

/**
 * The per-trial columns of runs being downloaded, computed once and shared while anyone
 * still reads them: three people downloading the same 1M-trial CSV cost one worker job and
 * one copy of the columns (8 bytes per value), not three. Dropped when the last reader
 * finishes; a failed computation is not kept, so the next request tries again.
 *
 * @example
 * const { columns, release } = shared.acquire(run.id, () => recompute(run));
 * try { stream(await columns); } finally { release(); }
 */
export class SharedColumns {
  private readonly entries = new Map<string, Entry>();

  /** Runs whose columns are held now. */
  get size(): number {
    return this.entries.size;
  }

  acquire(runId: string, compute: () => Promise<TrialColumns>): { columns: Promise<TrialColumns>; release: () => void } {
    let entry = this.entries.get(runId);
    if (!entry) {
      let columns: Promise<TrialColumns>;
      try {
        columns = compute();
      } catch (error) {
        columns = Promise.reject(error);
      }
      const created: Entry = { columns, users: 0 };
      columns.catch(() => {
        if (this.entries.get(runId) === created) this.entries.delete(runId);
      });
      this.entries.set(runId, created);
      entry = created;
    }
    const held = entry;
    held.users++;
    let released = false;
    return {
      columns: held.columns,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.users === 0 && this.entries.get(runId) === held) this.entries.delete(runId);
      },
    };
  }
}
