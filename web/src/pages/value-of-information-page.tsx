import { createResource, For, Show, Suspense, type Component } from 'solid-js';
import type { VoiResult, VoiRow } from '../../../models/analysis/value-of-information.ts';
import { VoiChart } from '../charts/voi-chart.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { EvidenceChanges } from '../components/evidence-changes.tsx';
import { EvsiPanel } from '../components/evsi-panel.tsx';
import { OutputPicker } from '../components/output-picker.tsx';
import { RequireRun } from '../components/require-run.tsx';
import { loadAnalysis } from '../lib/analysis-loader.ts';
import { evidenceFormHref } from '../lib/evidence-api.ts';
import type { CaseContext } from '../stores/case-context.ts';

/** Inputs whose EVPPI rounds to nothing in the case currency carry no value of information. */
const hasValue = (row: VoiRow): boolean => row.evppi >= 1;

/** Whether measuring an input first pays, in words (the table does not rely on colour). */
function verdict(row: VoiRow): string {
  if (row.evppi <= 2 * row.standardError) return 'within Monte Carlo noise: may be worth nothing';
  if (row.netValue === null) return 'worth up to its EVPPI: price the measurement';
  return row.netValue > 0 ? '✓ worth measuring' : '✗ costs more than it is worth';
}

/** EVPI of the go/stop decision and the EVPPI ranking of what to measure before deciding. */
export const ValueOfInformationPage: Component<{ context: CaseContext }> = (props) => {
  const format = () => props.context.session.draft.format();
  return (
    <div class="page voi-page">
      <h2 class="page-title">Value of information: what is worth measuring before deciding</h2>
      <RequireRun context={props.context} what="Value-of-information figures">
        {(run) => {
          const [voi] = createResource(
            () => run.id,
            (id) => loadAnalysis<VoiResult>(id, { kind: 'voi' }),
          );
          return (
            <Suspense fallback={<p class="muted">Computing value of information…</p>}>
              <div class="panel-toolbar" data-testid="voi-output">
                <OutputPicker
                  summary={run.summary}
                  currency={format().currency}
                  value="npv"
                  onChange={() => undefined}
                  label="Decision judged on"
                  allowed={(id) => id === 'npv'}
                  disabledReason="Value of information prices the go/stop decision in money, and the decision is go when expected NPV is above zero; the other outputs are listed for reference and can be explained on the Sensitivity tab."
                />
              </div>
              <Show when={voi.error}>
                <ErrorNotice error={voi.error} />
              </Show>
              <Show when={voi()?.result}>
                {(v) => (
                  <>
                    <dl class="key-figures" data-testid="voi-figures">
                      <div class="figure figure-primary">
                        <dt>EVPI (perfect information on everything)</dt>
                        <dd data-testid="evpi">{format().money(v().evpi.value)}</dd>
                        <dd class="figure-detail">± {format().money(v().evpi.standardError)} MC error</dd>
                      </div>
                      <div class="figure">
                        <dt>Decision without more information</dt>
                        <dd>{v().preferred === 'go' ? 'Go (expected NPV > 0)' : 'Stop (expected NPV ≤ 0)'}</dd>
                        <dd class="figure-detail">
                          Expected NPV {format().money(v().expectedNpv)} ± {format().money(v().expectedNpvStandardError)}
                        </dd>
                      </div>
                      <div class="figure">
                        <dt>Expected loss if we go</dt>
                        <dd>{format().money(v().expectedOpportunityLoss.go)}</dd>
                        <dd class="figure-detail">if we stop: {format().money(v().expectedOpportunityLoss.stop)}</dd>
                      </div>
                    </dl>
                    <p class="explainer">
                      EVPI is the most any study could be worth for this decision: spending more than {format().money(v().evpi.value)} on measurement before
                      deciding cannot pay off.
                    </p>
                    <section class="panel">
                      <VoiChart rows={v().ranking.filter(hasValue)} format={format()} />
                    </section>
                    <table class="data-table" data-testid="evppi-table">
                      <caption>EVPPI ranking: value of measuring one input perfectly before deciding</caption>
                      <thead>
                        <tr>
                          <th scope="col">Rank</th>
                          <th scope="col">Input</th>
                          <th scope="col" class="num">
                            EVPPI ({format().currency})
                          </th>
                          <th scope="col" class="num">
                            ± SE
                          </th>
                          <th scope="col" class="num">
                            Cost to measure
                          </th>
                          <th scope="col" class="num">
                            Net value
                          </th>
                          <th scope="col">Verdict</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={v().ranking.filter(hasValue)}>
                          {(row, index) => (
                            <tr>
                              <td>{index() + 1}</td>
                              <th scope="row">
                                {row.label}{' '}
                                <a class="measure-link" href={evidenceFormHref(props.context.session.id, row.input)}>
                                  record a measurement
                                </a>
                              </th>
                              <td class="num">{format().money(row.evppi)}</td>
                              <td class="num">{format().money(row.standardError)}</td>
                              <td class="num">{row.measurementCost === null ? 'not estimated' : format().money(row.measurementCost)}</td>
                              <td class="num">{row.netValue === null ? '—' : format().moneySigned(row.netValue)}</td>
                              <td>{verdict(row)}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                    <Show when={v().ranking.some((row) => !hasValue(row))}>
                      <details class="muted" data-testid="no-value-inputs">
                        <summary>
                          No value in measuring first: {v().ranking.filter((row) => !hasValue(row)).length} inputs with EVPPI below 1 {format().currency}
                        </summary>
                        <p>
                          {v()
                            .ranking.filter((row) => !hasValue(row))
                            .map((row) => row.label)
                            .join('; ')}
                          .
                        </p>
                      </details>
                    </Show>
                  </>
                )}
              </Show>
            </Suspense>
          );
        }}
      </RequireRun>
      <EvidenceChanges caseId={props.context.session.id} version={props.context.session.resource().currentVersion} format={format()} />
      <EvsiPanel caseId={props.context.session.id} inputs={props.context.session.draft.document.inputs ?? {}} format={format()} />
    </div>
  );
};
