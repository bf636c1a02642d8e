import { createResource, For, Show, Suspense, type Component } from 'solid-js';
import type { GateResult } from '../../../models/gate/evaluate-gate.ts';
import { ApprovalsPanel } from '../components/approvals-panel.tsx';
import { DecisionForm } from '../components/decision-form.tsx';
import { GateChecklist, GateClassification } from '../components/gate-governance.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { GateCriteriaTable } from '../components/gate-criteria-table.tsx';
import { RequireRun } from '../components/require-run.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { loadAnalysis } from '../lib/analysis-loader.ts';
import { evidenceFormHref } from '../lib/evidence-api.ts';
import { api } from '../lib/api.ts';
import type { DecisionResource, RunResource } from '../lib/api-types.ts';
import type { CaseContext } from '../stores/case-context.ts';
import { createCaseGovernance, type CaseGovernanceState } from '../stores/case-governance.ts';
import { governanceApi } from '../lib/case-governance-api.ts';

/**
 * The value gate: the case's risk classification, the recommendation with every criterion and
 * its figure, the readiness gates and the shared checklist with its sign-offs, the approvals a
 * scale decision needs, the decision form for approvers and the append-only decision history.
 */
export const GatePage: Component<{ context: CaseContext }> = (props) => {
  const [decisions, { refetch }] = createResource(() => api.decisions(props.context.session.id).then((page) => page.items));
  const governance = createCaseGovernance(() => props.context.session.id);
  const decided = (): void => {
    void refetch();
    governance.refresh();
  };
  return (
    <div class="page gate-page">
      <h2 class="page-title">Gate: scale, redesign, stop or keep as research</h2>
      <GateClassification state={governance} />
      <RequireRun context={props.context} what="The gate's criteria">
        {(run) => <GateEvaluation context={props.context} run={run} governance={governance} onDecided={decided} />}
      </RequireRun>
      <Show when={!props.context.runs.latest()}>
        <GateChecklist state={governance} context={props.context} />
      </Show>
      <DecisionHistory decisions={decisions() ?? []} context={props.context} />
    </div>
  );
};

const GateEvaluation: Component<{ context: CaseContext; run: RunResource; governance: CaseGovernanceState; onDecided: () => void }> = (props) => {
  const format = () => props.context.session.draft.format();
  const [gate] = createResource(
    () => props.run.id,
    (id) => loadAnalysis<GateResult>(id, { kind: 'gate' }),
  );
  const [approvals, { refetch: refetchApprovals }] = createResource(
    () => props.run.id,
    (runId) => governanceApi.approvals(props.context.session.id, runId),
  );
  return (
    <>
      <Suspense fallback={<p class="muted">Evaluating the gate (tornado and value of information first)…</p>}>
        <Show when={gate.error}>
          <ErrorNotice error={gate.error} />
        </Show>
        <Show when={gate()?.result}>
          {(g) => (
            <>
              <section class={`recommendation recommendation-${g().recommendation}`} data-testid="recommendation" aria-labelledby="recommendation-title">
                <p class="eyebrow">Recommendation of the gate (evaluated {format().date(g().evaluatedOn)})</p>
                <h3 id="recommendation-title">
                  <StatusBadge status={g().recommendation} />
                </h3>
                <p class="headline">{g().headline}</p>
              </section>
              <GateCriteriaTable criteria={g().criteria} format={format()} />
              <div class="two-columns">
                <section class="panel">
                  <h3>Readiness gates</h3>
                  <table class="data-table compact" data-testid="readiness-gates">
                    <thead>
                      <tr>
                        <th scope="col">Gate</th>
                        <th scope="col">Status</th>
                        <th scope="col" class="num">
                          Items met
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={g().readiness}>
                        {(row) => (
                          <tr>
                            <th scope="row">{row.label}</th>
                            <td>
                              <StatusBadge status={row.status} />
                            </td>
                            <td class="num">
                              {row.met} of {row.total}
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                  <h3>Value measurement</h3>
                  <ul class="check-list">
                    <For each={g().valueMeasurement}>
                      {(check) => (
                        <li>
                          <StatusBadge status={check.passed === 'yes' ? 'met' : check.passed === 'partly' ? 'partly' : 'notMet'} />{' '}
                          <strong>{check.label}</strong>: {check.detail}
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
                <section class="panel">
                  <Show when={g().levers.length}>
                    <h3>Redesign levers</h3>
                    <ul>
                      <For each={g().levers}>{(lever) => <li>{lever.sentence}</li>}</For>
                    </ul>
                  </Show>
                  <h3>Measure next</h3>
                  <Show when={g().measureNext.length} fallback={<p class="muted">No measurement is worth more than it costs.</p>}>
                    <ol>
                      <For each={g().measureNext.slice(0, 5)}>
                        {(entry) => (
                          <li>
                            {entry.sentence}{' '}
                            <a class="measure-link" href={evidenceFormHref(props.context.session.id, entry.input)}>
                              Record a measurement of it
                            </a>
                          </li>
                        )}
                      </For>
                    </ol>
                  </Show>
                  <Show when={g().missingCostCategories.length}>
                    <h3>Likely hidden costs</h3>
                    <ul>
                      <For each={g().missingCostCategories}>{(flag) => <li>⚠ {flag.note}</li>}</For>
                    </ul>
                  </Show>
                  <Show when={g().answeredNoCost?.length}>
                    <h3>Cost categories answered "none"</h3>
                    <ul data-testid="answered-no-cost">
                      <For each={g().answeredNoCost}>
                        {(answer) => (
                          <li>
                            ✓ {answer.label}: {answer.reason}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
              </div>
            </>
          )}
        </Show>
      </Suspense>
      {/* The checklist and approvals do not wait for the gate's tornado and value of information. */}
      <GateChecklist state={props.governance} context={props.context} />
      <Show when={approvals.error}>
        <ErrorNotice error={approvals.error} />
      </Show>
      <Show when={approvals.latest}>
        {(a) => (
          <ApprovalsPanel
            approvals={a()}
            format={format()}
            tierLabel={props.governance.governance.latest?.riskTier.label}
            onApproved={() => void refetchApprovals()}
          />
        )}
      </Show>
      <Suspense fallback={null}>
        <Show when={gate()?.result}>
          {(g) => (
            <DecisionForm
              context={props.context}
              run={props.run}
              recommendation={g().recommendation}
              approvals={approvals.latest}
              onDecided={props.onDecided}
            />
          )}
        </Show>
      </Suspense>
    </>
  );
};

const DecisionHistory: Component<{ decisions: DecisionResource[]; context: CaseContext }> = (props) => {
  const format = () => props.context.session.draft.format();
  return (
    <section class="panel" aria-labelledby="decision-history-title" data-testid="decision-history">
      <h3 id="decision-history-title">Decision history (append-only)</h3>
      <Show when={props.decisions.length} fallback={<p class="muted">No decision recorded yet.</p>}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Decision</th>
              <th scope="col">Recommended</th>
              <th scope="col">By</th>
              <th scope="col">Rationale</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...props.decisions].reverse()}>
              {(d) => (
                <tr>
                  <td>{format().dateTime(d.takenAt)}</td>
                  <td>
                    <StatusBadge status={d.decision} />
                  </td>
                  <td>
                    <StatusBadge status={d.recommendation} />
                  </td>
                  <td>{d.takenBy}</td>
                  <td class="rationale">
                    <Show when={d.reasonCategory}>
                      <strong>{d.reasonCategory}: </strong>
                    </Show>
                    {d.rationale}
                  </td>
                  <td>
                    v{d.caseVersion}, run <code>{d.runId.slice(0, 8)}</code>: {format().count(d.run.trials)} trials, seed {d.run.seed}, {d.run.sampling}, engine{' '}
                    {d.run.engineVersion}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
};
