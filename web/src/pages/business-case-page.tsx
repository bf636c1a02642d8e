import { createResource, createSignal, For, Match, Show, Suspense, Switch, type Component } from 'solid-js';
import { costByYearSvg, evppiSvg, tornadoSvg } from '../../../models/report/chart-svg.ts';
import type { ChartId, OutlineBlock, OutlineCharts, OutlineSection } from '../../../models/report/outline-types.ts';
import { RequireRun } from '../components/require-run.tsx';
import { downloadBusinessCaseDocx, loadBusinessCase, type BusinessCaseResource } from '../lib/business-case-api.ts';
import type { CaseContext } from '../stores/case-context.ts';

/**
 * The production business case: the API's outline of the latest run in board order, the
 * same sections, figures and charts as the DOCX download, printable to A4 or Letter.
 */
export const BusinessCasePage: Component<{ context: CaseContext }> = (props) => {
  const [error, setError] = createSignal<string | null>(null);
  const docx = () => {
    setError(null);
    downloadBusinessCaseDocx(props.context.session.id).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div class="page business-case-page">
      <div class="page-toolbar no-print">
        <p class="muted">The production business case of the latest run. Prints to A4 or Letter, portrait; the Word document has the same content.</p>
        <button type="button" class="button-secondary" onClick={docx}>
          Download Word (.docx)
        </button>
        <button type="button" class="button-primary" onClick={() => window.print()}>
          Print / save as PDF
        </button>
      </div>
      <Show when={error()}>
        <p class="notice notice-error no-print" role="alert">
          The Word document could not be made: {error()}
        </p>
      </Show>
      <RequireRun context={props.context} what="The business case's figures">
        {(run) => <BusinessCaseDocument context={props.context} runId={run.id} />}
      </RequireRun>
    </div>
  );
};

const BusinessCaseDocument: Component<{ context: CaseContext; runId: string }> = (props) => {
  const [outline] = createResource(
    () => [props.context.session.id, props.runId] as const,
    ([caseId]) => loadBusinessCase(caseId),
  );
  const locale = () => props.context.session.draft.format().locale;
  return (
    <Suspense fallback={<p class="muted">Preparing the business case (the gate, tornado and value of information of the run)…</p>}>
      <Show when={outline()}>
        {(o) => (
          <article class="business-case" data-testid="business-case">
            <header class="board-header">
              <p class="eyebrow">Production business case</p>
              <h1>{o().title}</h1>
              <p class="muted">{o().subtitle}</p>
            </header>
            <For each={o().sections}>{(section) => <Section section={section} charts={o().charts} locale={locale()} />}</For>
            <footer class="board-footer">{o().footer}</footer>
          </article>
        )}
      </Show>
    </Suspense>
  );
};

const Section: Component<{ section: OutlineSection; charts: BusinessCaseResource['charts']; locale: string }> = (props) => (
  <section class="board-section business-case-section" data-section={props.section.id}>
    <h2>{props.section.heading}</h2>
    <For each={props.section.blocks}>
      {(block) => (
        <Show when={block.kind !== 'subheading'} fallback={<h3>{(block as { text: string }).text}</h3>}>
          <Block block={block as OutlineBlock} charts={props.charts} locale={props.locale} />
        </Show>
      )}
    </For>
  </section>
);

/** The chart's SVG, drawn from the outline's numbers by the same code as the DOCX's images. */
function chartSvg(id: ChartId, charts: OutlineCharts, locale: string): string {
  if (id === 'costByYear' && charts.costByYear) return costByYearSvg(charts.costByYear, locale);
  if (id === 'tornado' && charts.tornado) return tornadoSvg(charts.tornado, locale);
  if (id === 'evppi' && charts.evppi) return evppiSvg(charts.evppi, locale);
  return '';
}

const Block: Component<{ block: OutlineBlock; charts: OutlineCharts; locale: string }> = (props) => (
  <Switch>
    <Match when={props.block.kind === 'paragraph' && props.block}>
      {(b) => (
        <p>
          <Show when={b().strong}>
            <strong>{b().strong}</strong>{' '}
          </Show>
          {b().text}
        </p>
      )}
    </Match>
    <Match when={props.block.kind === 'warning' && props.block}>{(b) => <p class="notice notice-warning">{b().text}</p>}</Match>
    <Match when={props.block.kind === 'list' && props.block}>
      {(b) => (
        <Show
          when={b().ordered}
          fallback={
            <ul>
              <For each={b().items}>{(item) => <li>{item}</li>}</For>
            </ul>
          }
        >
          <ol>
            <For each={b().items}>{(item) => <li>{item}</li>}</For>
          </ol>
        </Show>
      )}
    </Match>
    <Match when={props.block.kind === 'facts' && props.block}>
      {(b) => (
        <dl class="facts">
          <For each={b().rows}>
            {([label, value]) => (
              <div>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            )}
          </For>
        </dl>
      )}
    </Match>
    <Match when={props.block.kind === 'table' && props.block}>{(b) => <OutlineTable block={b()} />}</Match>
    <Match when={props.block.kind === 'chart' && props.block}>
      {(b) => (
        <figure class="chart business-case-chart" data-chart={b().chart}>
          {/* The SVG is built by models/report/chart-svg.ts from numbers; every text in it is escaped. */}
          <div role="img" aria-label={b().caption} innerHTML={chartSvg(b().chart, props.charts, props.locale)} />
          <figcaption>{b().caption}</figcaption>
        </figure>
      )}
    </Match>
  </Switch>
);

const OutlineTable: Component<{ block: Extract<OutlineBlock, { kind: 'table' }> }> = (props) => {
  const numeric = (i: number) => props.block.numeric?.includes(i) ?? false;
  return (
    <table class="data-table compact">
      <caption>{props.block.caption}</caption>
      <thead>
        <tr>
          <For each={props.block.header}>
            {(cell, i) => (
              <th scope="col" classList={{ num: numeric(i()) }}>
                {cell}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For each={props.block.rows}>
          {(row) => (
            <tr>
              <For each={row}>{(cell, i) => <td classList={{ num: numeric(i()) }}>{cell}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
      <Show when={props.block.footer}>
        {(footer) => (
          <tfoot>
            <tr>
              <For each={footer()}>{(cell, i) => <th classList={{ num: numeric(i()) }}>{cell}</th>}</For>
            </tr>
          </tfoot>
        )}
      </Show>
    </table>
  );
};
