import type { CaseSession } from './case-session.ts';
import type { RunsStore } from './runs-store.ts';

/** Everything a case page needs: the editing session (draft, autosave, live preview) and its runs. */
export interface CaseContext {
  session: CaseSession;
  runs: RunsStore;
}
