import { createSignal, For, Show, type Component } from 'solid-js';
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from '../../../models/gate/recommendation.ts';
import type { ApprovalsResource } from '../../../models/contract/governance-resources.ts';
import { api, ApiError } from '../lib/api.ts';
import { decisionRefusal, missingInWords } from '../lib/governance-words.ts';
import type { DecisionResource, RunResource } from '../lib/api-types.ts';
import type { CaseContext } from '../stores/case-context.ts';
import { isApprover } from '../stores/me-store.ts';

/**
 * The approver's decision form on the gate page: the decision, a reason category (required
 * for a stop, optional otherwise) and the rationale, recorded against the run shown.
 *
 * @example
 * <DecisionForm context={context} run={run} recommendation="redesign" onDecided={refetch} />
 */
export const DecisionForm: Component<{
  context: CaseContext;
  run: RunResource;
  recommendation: string;
  onDecided: () => void;
  /** The approvals a scale decision on this run needs (issue 18): the missing ones are named before a scale is recorded. */
  approvals?: ApprovalsResource | null;
}> = (props) => {
  const [decision, setDecision] = createSignal<string>(props.recommendation);
  const [rationale, setRationale] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [recorded, setRecorded] = createSignal<DecisionResource | null>(null);
  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (decision() === 'stop' && !reason()) return void setProblem('Choose why the case stops (Reason for the decision): the board counts stops by reason.');
    if (rationale().trim().length < 10) return void setProblem('Write the rationale (at least a sentence): the board will read it.');
    setBusy(true);
    setProblem(null);
    try {
      setRecorded(
        await api.recordDecision(props.context.session.id, {
          decision: decision(),
          rationale: rationale().trim(),
          runId: props.run.id,
          ...(reason() ? { reasonCategory: reason() } : {}),
        }),
      );
      setRationale('');
      props.onDecided();
    } catch (error) {
      setProblem(error instanceof ApiError ? (decisionRefusal(error.status, error.problem, props.approvals?.expected ?? {}) ?? error.message) : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={isApprover()} fallback={<p class="muted">Only approvers can record a decision.</p>}>
      <form class="panel decision-form" onSubmit={(event) => void submit(event)} aria-labelledby="decision-form-title" data-testid="decision-form">
        <h3 id="decision-form-title">Record the decision (approver)</h3>
        <fieldset>
          <legend>Decision</legend>
          <div class="segmented">
            <For each={RECOMMENDATIONS}>
              {(option) => (
                <label class="segment" classList={{ selected: decision() === option }}>
                  <input type="radio" name="decision" value={option} checked={decision() === option} onChange={() => setDecision(option)} />
                  {RECOMMENDATION_LABELS[option]}
                  {option === props.recommendation ? ' (recommended)' : ''}
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <ReasonSelect value={reason()} required={decision() === 'stop'} onChange={setReason} />
        <div class="field">
          <label for="decision-rationale">Rationale</label>
          <textarea
            id="decision-rationale"
            rows={3}
            value={rationale()}
            onInput={(e) => setRationale(e.currentTarget.value)}
            aria-invalid={Boolean(problem())}
            aria-describedby={problem() ? 'decision-problem' : 'decision-hint'}
          />
          <span id="decision-hint" class="field-hint">
            Cites run {props.run.id.slice(0, 8)} (version {props.run.caseVersion}, seed {props.run.seed},{' '}
            {props.context.session.draft.format().count(props.run.trials)} trials). Decisions cannot be edited or deleted.
          </span>
          <Show when={problem()}>
            <span id="decision-problem" class="field-error" role="alert">
              {problem()}
            </span>
          </Show>
        </div>
        <Show when={decision() === 'scale' && props.approvals?.missing.length}>
          <p class="notice notice-warning" data-testid="scale-needs-approvals">
            A scale decision needs these approvals on this run first: {missingInWords(props.approvals!.missing, props.approvals!.expected)}.
          </p>
        </Show>
        <Show when={decision() !== props.recommendation}>
          <p class="notice notice-warning">
            This departs from the gate's recommendation ({RECOMMENDATION_LABELS[props.recommendation as keyof typeof RECOMMENDATION_LABELS]}); say why in the
            rationale.
          </p>
        </Show>
        <button type="submit" class="button-primary" disabled={busy()}>
          {busy() ? 'Recording…' : 'Record decision'}
        </button>
        <Show when={recorded()}>
          <p class="notice notice-success" role="status">
            ✓ Recorded: {RECOMMENDATION_LABELS[recorded()!.decision as keyof typeof RECOMMENDATION_LABELS] ?? recorded()!.decision} by {recorded()!.takenBy}.
          </p>
        </Show>
      </form>
    </Show>
  );
};

/** Why a case is decided so; required for a stop, optional otherwise. */
const REASONS = [
  ['economics', 'Economics: the value does not cover the cost or risk-adjusted return'],
  ['readiness', 'Readiness: data, integration, people or controls are not ready'],
  ['risk', 'Risk: legal, model, security or reputational risk too high'],
  ['strategy', 'Strategy: no longer a priority, or another route chosen'],
  ['evidence', 'Evidence: measurements or actuals do not support the case'],
] as const;

const ReasonSelect: Component<{ value: string; required: boolean; onChange: (value: string) => void }> = (props) => (
  <div class="field">
    <label for="decision-reason">Reason for the decision{props.required ? ' (required for a stop)' : ' (optional)'}</label>
    <select
      id="decision-reason"
      value={props.value}
      aria-required={props.required}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid="decision-reason"
    >
      <option value="">{props.required ? 'Choose a reason…' : 'No reason category'}</option>
      <For each={REASONS}>{([value, label]) => <option value={value}>{label}</option>}</For>
    </select>
  </div>
);
