import { createSignal, For, Show, type Component } from 'solid-js';
import { FUNCTION_LABELS, type CaseChecklistItem } from '../../../models/case/governance-schema.ts';
import type { ChecklistChangeResource } from '../../../models/contract/governance-resources.ts';
import type { CaseFormat } from '../lib/format.ts';
import { STATUS_LABELS } from '../lib/governance-words.ts';
import { signOffBlocker } from '../stores/me-store.ts';
import { SignOffForm } from './sign-off-form.tsx';
import { StatusBadge } from './status-badge.tsx';

/**
 * One checklist item: what must be true, the function responsible, the evidence hint and
 * control references, its status with who signed and when, its history on demand, and the
 * sign-off control (disabled, with the reason, when the user's token lacks the function).
 *
 * @example
 * <ChecklistItemRow caseId="c1" item={item} history={changes} format={format} onSigned={refresh} />
 */
export const ChecklistItemRow: Component<{
  caseId: string;
  item: CaseChecklistItem & { mandatory: boolean };
  history: ChecklistChangeResource[];
  format: CaseFormat;
  archived?: boolean;
  onSigned: () => void;
}> = (props) => {
  const [signing, setSigning] = createSignal(false);
  const [showHistory, setShowHistory] = createSignal(false);
  const blocker = () => (props.archived ? 'The case is archived: its checklist is read-only.' : signOffBlocker(props.item.function));
  const refs = () => [
    ...(props.item.references?.nistAiRmf ?? []).map((ref) => `NIST AI RMF ${ref}`),
    ...(props.item.references?.iso42001 ?? []).map((ref) => `ISO/IEC 42001 ${ref}`),
  ];
  return (
    <li class="checklist-item" data-testid={`checklist-item-${props.item.id}`} data-status={props.item.status}>
      <div class="checklist-item-head">
        <StatusBadge status={props.item.status} label={STATUS_LABELS[props.item.status]} />
        <div class="checklist-item-text">
          <strong>{props.item.item}</strong>
          <Show when={props.item.mandatory}>
            {' '}
            <span class="badge badge-warning">mandatory for this tier</span>
          </Show>
          <Show when={props.item.source === 'case'}>
            {' '}
            <span class="badge">added to this case</span>
          </Show>
          <span class="row-sub">
            <span class="function-tag">{FUNCTION_LABELS[props.item.function]}</span> · <code>{props.item.id}</code>
            <Show when={props.item.evidenceHint}> · Evidence: {props.item.evidenceHint}</Show>
          </span>
          <Show when={refs().length}>
            <span class="row-sub control-refs">Controls: {refs().join(', ')}</span>
          </Show>
          <span class="row-sub" data-testid="signed">
            <Show when={props.item.signedBy} fallback={<span class="muted">Not signed yet.</span>}>
              Signed by {props.item.signedBy}
              {props.item.signedAs === 'admin' ? ' (as admin)' : ` (${FUNCTION_LABELS[props.item.function]})`},{' '}
              {props.format.dateTime(props.item.signedAt ?? '')}
            </Show>
            <Show when={props.item.evidence?.text}> · “{props.item.evidence?.text}”</Show>
            <Show when={props.item.evidence?.link}>
              {' · '}
              <a href={props.item.evidence?.link} rel="noopener noreferrer" target="_blank">
                evidence link
              </a>
            </Show>
            <Show when={props.item.status === 'notApplicable'}> · Not applicable because: {props.item.notApplicableReason}</Show>
          </span>
        </div>
        <div class="checklist-item-actions">
          <button
            type="button"
            class="button-secondary"
            disabled={Boolean(blocker()) || signing()}
            onClick={() => setSigning(true)}
            aria-describedby={blocker() ? `blocker-${props.item.id}` : undefined}
          >
            Sign off…
          </button>
          <Show when={props.history.length}>
            <button type="button" class="button-link" aria-expanded={showHistory()} onClick={() => setShowHistory(!showHistory())}>
              {showHistory() ? 'Hide history' : `History (${props.history.length})`}
            </button>
          </Show>
        </div>
      </div>
      <Show when={blocker()}>
        <p class="field-hint" id={`blocker-${props.item.id}`} data-testid="sign-off-blocker">
          {blocker()}
        </p>
      </Show>
      <Show when={signing() && !blocker()}>
        <SignOffForm
          caseId={props.caseId}
          item={props.item}
          mandatory={props.item.mandatory}
          onCancel={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            props.onSigned();
          }}
        />
      </Show>
      <Show when={showHistory()}>
        <ol class="checklist-history" data-testid="checklist-history">
          <For each={props.history}>
            {(change) => (
              <li>
                {props.format.dateTime(change.changedAt)}: {change.changedBy}
                {change.signedAs === 'admin' ? ' (as admin)' : ''} set {STATUS_LABELS[change.from]} → {STATUS_LABELS[change.to]}
                <Show when={change.evidence?.text}> · “{change.evidence?.text}”</Show>
                <Show when={change.evidence?.link}> · {change.evidence?.link}</Show>
                <Show when={change.reason}> · reason: {change.reason}</Show>
                <span class="muted"> (v{change.caseVersion})</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </li>
  );
};
