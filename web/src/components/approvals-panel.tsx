import { createSignal, For, Show, type Component } from 'solid-js';
import type { ApprovalsResource } from '../../../models/contract/governance-resources.ts';
import { APPROVAL_ROLE_LABELS, type ApprovalRole } from '../../../models/governance/approval-roles.ts';
import type { CaseFormat } from '../lib/format.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { missingInWords } from '../lib/governance-words.ts';
import { isApprover, me } from '../stores/me-store.ts';
import { ErrorNotice } from './error-notice.tsx';

/** The roles as row titles (APPROVAL_ROLE_LABELS reads inside a sentence: "an approver"). */
const ROLE_TITLES: Record<ApprovalRole, string> = {
  businessOwner: 'Business owner',
  sponsor: 'Sponsor',
  riskOwner: 'Risk owner',
  monitoringOwner: 'Monitoring owner',
  approver: 'Approver',
};

const samePerson = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** The role the current user most likely approves in: the one naming them, else `approver` when they hold that role. */
function likelyRole(approvals: ApprovalsResource): ApprovalRole | '' {
  const name = me()?.name ?? '';
  const named = approvals.missing.find((role) => {
    const expected = approvals.expected[role];
    return expected && name && (samePerson(expected, name) || expected.toLowerCase().startsWith(name.toLowerCase()));
  });
  if (named) return named;
  if (approvals.missing.includes('approver') && isApprover()) return 'approver';
  return approvals.missing[0] ?? '';
}

/**
 * The approvals a scale decision on this run needs (from the case's risk tier): who has
 * approved, which roles are still missing, and "record my approval".
 *
 * @example
 * <ApprovalsPanel approvals={approvals} format={format} onApproved={refetch} />
 */
export const ApprovalsPanel: Component<{ approvals: ApprovalsResource; format: CaseFormat; tierLabel?: string; onApproved: () => void }> = (props) => {
  const [role, setRole] = createSignal<ApprovalRole | ''>('');
  // The chosen role while it is still missing, else the one most likely the user's (me() may load late).
  const chosenRole = () => (props.approvals.missing.includes(role() as ApprovalRole) ? role() : likelyRole(props.approvals));
  const [note, setNote] = createSignal('');
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const approvedAs = (wanted: ApprovalRole) => props.approvals.items.filter((approval) => approval.role === wanted);
  const approve = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const chosen = chosenRole();
    if (!chosen || !props.approvals.runId) return;
    setFailure(null);
    setBusy(true);
    try {
      await governanceApi.approve(props.approvals.caseId, { runId: props.approvals.runId, role: chosen, ...(note().trim() && { note: note().trim() }) });
      setNote('');
      props.onApproved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel approvals-panel" aria-labelledby="approvals-title" data-testid="approvals-panel">
      <h3 id="approvals-title">Approvals for a scale decision ({props.tierLabel ?? props.approvals.riskTier} tier)</h3>
      <Show when={props.approvals.required.length} fallback={<p class="muted">This tier needs no approvals beyond the approver’s decision.</p>}>
        <table class="data-table compact">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Who</th>
              <th scope="col">Approval</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.approvals.required}>
              {(required) => (
                <tr data-testid={`approval-${required}`}>
                  <th scope="row">{ROLE_TITLES[required]}</th>
                  <td>{props.approvals.expected[required] ?? (required === 'approver' ? 'anyone with the approver role' : 'not named in the case')}</td>
                  <td>
                    <Show when={approvedAs(required).length} fallback={<span class="status status-notMet">✗ missing</span>}>
                      <For each={approvedAs(required)}>
                        {(approval) => (
                          <span class="status status-met">
                            ✓ {approval.person}, {props.format.dateTime(approval.approvedAt)}
                            {approval.note ? ` “${approval.note}”` : ''}
                          </span>
                        )}
                      </For>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show
          when={props.approvals.missing.length}
          fallback={
            <p class="notice notice-success" data-testid="approvals-complete">
              ✓ Every approval this tier requires is recorded for this run.
            </p>
          }
        >
          <p class="notice notice-warning" data-testid="approvals-missing">
            Still missing: {missingInWords(props.approvals.missing, props.approvals.expected)}. Each approval must come from a different person.
          </p>
          <form class="approve-form" onSubmit={(event) => void approve(event)} aria-label="Record my approval">
            <div class="field">
              <label for="approval-role">Approve as</label>
              <select id="approval-role" value={chosenRole()} onChange={(e) => setRole(e.currentTarget.value as ApprovalRole)}>
                <For each={props.approvals.missing}>{(option) => <option value={option}>{APPROVAL_ROLE_LABELS[option]}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for="approval-note">Note (optional)</label>
              <input id="approval-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
            </div>
            <button type="submit" class="button-primary" disabled={busy() || !props.approvals.runId}>
              {busy() ? 'Recording…' : 'Record my approval'}
            </button>
          </form>
        </Show>
      </Show>
      <Show when={failure()}>
        <ErrorNotice error={failure()} />
      </Show>
    </section>
  );
};
