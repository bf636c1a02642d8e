import { createResource, For, Show, Suspense, type Component } from 'solid-js';
import type { TornadoResult } from '../../../models/analysis/tornado-analysis.ts';
import type { GateResult } from '../../../models/gate/evaluate-gate.ts';
import { RECOMMENDATION_LABELS } from '../../../models/gate/recommendation.ts';
import { FanChart } from '../charts/fan-chart.tsx';
import { HistogramChart } from '../charts/histogram-chart.tsx';
import { TornadoChart } from '../charts/tornado-chart.tsx';
import { CostTable } from '../components/cost-table.tsx';
import { GateCriteriaTable } from '../components/gate-criteria-table.tsx';
import { KeyFigures } from '../components/key-figures.tsx';
import { PilotBrief } from '../components/pilot-brief.tsx';
import { RequireRun } from '../components/require-run.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { loadAnalysis } from '../lib/analysis-loader.ts';
import { api } from '../lib/api.ts';
import type { RunResource } from '../lib/api-types.ts';
import type { CaseContext } from '../stores/case-context.ts';

/**
 * The board pack: one case on a few printed pages, the decision asked for first, then
 * the figures with their uncertainty, the full cost, the top risks, what to measure next
 * and the gate's criteria, and how to reproduce every number.
 */
export const BoardPackPage: Component<{ context: CaseContext }> = (props) => (
  <div class="page board-pack-page">
    <div class="page-toolbar no-print">
      <p class="muted">Print view: A4 or Letter, portrait. Use your browser's print dialog or save as PDF.</p>
      <button type="button" class="button-primary" onClick={() => window.print()}>
        Print / save as PDF
      </button>
    </div>
    <RequireRun context={props.context} what="The board pack's figures">
      {(run) => <BoardPack context={props.context} run={run} />}
    </RequireRun>
  </div>
);

const BoardPack: Component<{ context: CaseContext; run: RunResource }> = (props) => {
  const format = () => props.context.session.draft.format();
  const resource = () => props.context.session.resource();
  const document = () => resource().document;
  const [gate] = createResource(
    () => props.run.id,
    (id) => loadAnalysis<GateResult>(id, { kind: 'gate' }),
  );
  const [tornado] = createResource(
    () => props.run.id,
    (id) => loadAnalysis<TornadoResult>(id, { kind: 'tornado' }),
  );
  const [decisions] = createResource(() => api.decisions(props.context.session.id).then((page) => page.items));
  const summary = () => props.run.summary!;
  // Categories answered "none" with a reason (noCostReasons) are answers, not gaps.
  const unpriced = () => summary().missingCostCategories.filter((c) => c.category !== 'other' && !document().noCostReasons?.[c.category]?.trim());
  const latestDecision = () => decisions()?.at(-1);

  return (
    <article class="board-pack" data-testid="board-pack">
      <header class="board-header">
        <p class="eyebrow">Board pack · investment decision</p>
        <h1>{document().name}</h1>
        <dl class="board-meta">
          <div>
            <dt>Business owner</dt>
            <dd>{document().ownership.businessOwner || 'none named'}</dd>
          </div>
          <div>
            <dt>Sponsor</dt>
            <dd>{document().ownership.sponsor}</dd>
          </div>
          <div>
            <dt>Prepared by</dt>
            <dd>{document().ownership.preparedBy ?? '—'}</dd>
          </div>
          <div>
            <dt>Case version</dt>
            <dd>
              v{props.run.caseVersion} · {format().date(props.run.finishedAt)}
            </dd>
          </div>
          <div>
            <dt>Horizon · discount rate</dt>
            <dd>
              {document().horizonMonths} months from {format().date(document().startDate)} · {format().percent(document().discountRateAnnual)} a year
            </dd>
          </div>
        </dl>
      </header>

      <Suspense fallback={<p class="muted">Preparing the board pack…</p>}>
        <section class="board-section decision-asked" data-testid="decision-asked">
          <h2>1. Decision asked for</h2>
          <Show when={gate()?.result} fallback={<p class="muted">Evaluating the gate…</p>}>
            {(g) => (
              <>
                <p class="decision-line">
                  The gate recommends: <StatusBadge status={g().recommendation} />
                </p>
                <p class="headline">{g().headline}</p>
              </>
            )}
          </Show>
          <Show when={latestDecision()}>
            {(d) => (
              <p>
                Latest decision: <strong>{RECOMMENDATION_LABELS[d().decision as keyof typeof RECOMMENDATION_LABELS] ?? d().decision}</strong> by {d().takenBy}{' '}
                on {format().date(d().takenAt)}: “{d().rationale}”
              </p>
            )}
          </Show>
          <Show when={document().valueHypothesis?.statement}>
            <p>
              <strong>Value hypothesis:</strong> {document().valueHypothesis!.statement}
            </p>
          </Show>
        </section>

        <section class="board-section">
          <h2>2. Key figures, with their uncertainty</h2>
          <KeyFigures summary={summary()} format={format()} />
          <div class="board-charts">
            <HistogramChart
              title="NPV distribution"
              histogram={summary().outputs.npv.histogram}
              total={summary().outputs.npv.finiteCount}
              xLabel={`NPV (${format().currency}) →`}
              formatX={format().moneyCompact}
              signed
              height={200}
            />
            <FanChart
              title="Cumulative net cash flow (P10 / P50 / P90)"
              fan={summary().cashFlowFan}
              formatMoney={format().money}
              formatMoneyCompact={format().moneyCompact}
              height={200}
            />
          </div>
          <Show when={summary().pilotVsProduction}>{(pvp) => <PilotBrief comparison={pvp()} format={format()} />}</Show>
        </section>

        <section class="board-section">
          <h2>3. Full cost by category</h2>
          <CostTable summary={summary()} format={format()} />
          <Show when={unpriced().length}>
            <p class="notice notice-warning">
              Not priced in this case:{' '}
              {unpriced()
                .map((c) => c.label)
                .join('; ')}
              .
            </p>
          </Show>
        </section>

        <section class="board-section">
          <h2>4. Top risks: what moves NPV most</h2>
          <Show when={tornado()?.result} fallback={<p class="muted">Computing the tornado…</p>}>
            {(t) => <TornadoChart result={t()} format={format()} limit={6} />}
          </Show>
        </section>

        <section class="board-section">
          <h2>5. What to measure next</h2>
          <Show when={gate()?.result}>
            {(g) => (
              <Show when={g().measureNext.length} fallback={<p>No measurement is worth more than it costs at this stage.</p>}>
                <ol>
                  <For each={g().measureNext.slice(0, 4)}>{(entry) => <li>{entry.sentence}</li>}</For>
                </ol>
              </Show>
            )}
          </Show>
        </section>

        <section class="board-section">
          <h2>6. Gate criteria</h2>
          <Show when={gate()?.result}>{(g) => <GateCriteriaTable criteria={g().criteria} format={format()} />}</Show>
        </section>

        <footer class="board-footer">
          Reproduce: case {resource().id} version {props.run.caseVersion} (hash {props.run.caseHash.slice(0, 12)}), run {props.run.id},{' '}
          {format().count(props.run.trials)} trials, seed {props.run.seed}, {props.run.sampling === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'} sampling, engine{' '}
          {props.run.engineVersion}. Amounts in {format().currency}; money rounded to whole units.
        </footer>
      </Suspense>
    </article>
  );
};
