import { Show, type Component } from 'solid-js';
import type { CaseSession } from '../stores/case-session.ts';
import { DiffTable } from './diff-table.tsx';

/**
 * Someone else saved first (another tab, another person). Nothing was overwritten: the
 * user sees what differs and chooses.
 */
export const ConflictBanner: Component<{ session: CaseSession }> = (props) => (
  <Show when={props.session.conflict()}>
    {(conflict) => (
      <div class="conflict-banner" role="alert" data-testid="conflict-banner">
        <h2>Your changes were not saved: version {conflict().theirs.currentVersion} was saved meanwhile</h2>
        <p>
          Version {conflict().theirs.currentVersion} was saved{' '}
          {conflict().theirs.updatedAt ? `at ${props.session.draft.format().dateTime(conflict().theirs.updatedAt)}` : ''} in another tab or by someone else
          while you were editing. Nothing has been overwritten. Review the differences, then choose.
        </p>
        <DiffTable
          changes={conflict().changes}
          beforeLabel={`Version ${conflict().theirs.currentVersion} (saved)`}
          afterLabel="Your draft"
          before={conflict().theirs.document}
          after={props.session.draft.document}
          caption="Their version compared with your draft"
          limit={40}
        />
        <div class="button-row">
          <button type="button" class="button-secondary" onClick={() => props.session.takeTheirs()}>
            Discard my edits, continue from version {conflict().theirs.currentVersion}
          </button>
          <button type="button" class="button-primary" onClick={() => void props.session.keepMine()}>
            Save my draft as version {conflict().theirs.currentVersion + 1} (replaces their changes)
          </button>
        </div>
      </div>
    )}
  </Show>
);
