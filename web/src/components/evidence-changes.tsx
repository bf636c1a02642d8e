import { createResource, For, Show, type Component } from 'solid-js';
import type { EvidenceAnalysisRow, GateSide } from '../../../models/analysis/evidence-analysis.ts';
import { evidenceFormHref, evidenceView } from '../lib/evidence-api.ts';
import type { CaseFormat } from '../lib/format.ts';
import { EvidenceBeforeAfter } from '../editor/evidence-before-after.tsx';
import { ErrorNotice } from './error-notice.tsx';
import { factorsText } from '../../../models/evidence/representativeness-factors.ts';

const RECOMMENDATION: Record<string, string> = { scale: 'Scale', redesign: 'Redesign', stop: 'Stop', keepAsResearch: 'Keep as research' };

const KIND: Record<string, string> = { summary: 'A summary', observations: 'Observations', proportion: 'A proportion' };

/** One side of the gate in words: "Redesign (P(NPV > 0) 65.1 %)". */
function gateLine(side: GateSide, format: CaseFormat): string {
  const probability = Number.isFinite(side.probabilityPositive) ? `, P(NPV > 0) ${(side.probabilityPositive * 100).toFixed(1)}%` : '';
  return `${RECOMMENDATION[side.recommendation] ?? side.recommendation} (expected NPV ${format.money(side.expectedNpv)}${probability})`;
}

/**
 * What the case's measurements changed, from the server on the saved version: per input
 * with evidence, its stated and updated range and its EVPPI before and after, and the
 * gate's recommendation before (every input at its stated range) and after. Each input
 * links to its evidence form in the editor.
 */
export const EvidenceChanges: Component<{ caseId: string; version: number; format: CaseFormat }> = (props) => {
  const [view] = createResource(
    () => ({ id: props.caseId, version: props.version }),
    ({ id }) => evidenceView(id),
  );
  return (
    <section class="panel evidence-changes" data-testid="evidence-changes">
      <h3>What the measurements changed</h3>
      <Show when={view.error}>
        <ErrorNotice error={view.error} />
      </Show>
      <Show when={view.loading}>
        <p class="muted">Simulating the case with and without its evidence…</p>
      </Show>
      <Show when={view()}>
        {(v) => (
          <Show
            when={v().before && v().after}
            fallback={
              <p class="muted">No input has evidence yet. Record a measurement on an input in the editor (open the input, then "Record a measurement").</p>
            }
          >
            <dl class="key-figures" data-testid="evidence-gate">
              <div class="figure">
                <dt>Gate on the stated ranges</dt>
                <dd>{gateLine(v().before!, props.format)}</dd>
              </div>
              <div class="figure figure-primary">
                <dt>Gate with the evidence</dt>
                <dd>{gateLine(v().after!, props.format)}</dd>
              </div>
            </dl>
            <For each={v().inputs as EvidenceAnalysisRow[]}>
              {(row) => (
                <div class="evidence-input" data-testid={`evidence-row-${row.input}`}>
                  <h4>
                    {row.label} <a href={evidenceFormHref(props.caseId, row.input)}>edit the evidence</a>
                  </h4>
                  <p>
                    EVPPI before {props.format.money(row.evppiBefore.value)} (± {props.format.money(row.evppiBefore.standardError)}), after{' '}
                    <strong data-testid="evppi-after">{props.format.money(row.evppiAfter.value)}</strong> (± {props.format.money(row.evppiAfter.standardError)}
                    ). {KIND[row.kind]} taken on {row.takenOn} by {row.takenBy}, {row.representativeness}.
                  </p>
                  <EvidenceBeforeAfter row={row} format={props.format} />
                </div>
              )}
            </For>
            <p class="muted">
              {v().settings.trials.toLocaleString('en-US')} trials, seed {v().settings.seed}, on saved version {v().version}; evidence weighed by the
              portfolio's representativeness factors ({factorsText(v().settings.representativenessFactors)}: n measurements count as factor × n).
            </p>
          </Show>
        )}
      </Show>
    </section>
  );
};
