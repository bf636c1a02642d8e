import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, type Component } from 'solid-js';
import { applyVariant, VariantError } from '../../../models/case/apply-variant.ts';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import { validateCase } from '../../../models/compile/validate-case.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import type { LivePreview } from '../stores/live-preview.ts';
import { createSimulationClient, type SimulationClient } from '../workers/simulation-client.ts';

type Applied = { kind: 'ok'; document: unknown } | { kind: 'invalid'; issues: CaseIssue[] } | { kind: 'error'; message: string } | { kind: 'base-invalid' };

/**
 * Whether the variant makes a case that simulates, and, beside the live preview, its NPV
 * against the case's: the same trials and seed in the browser, so shared inputs draw the
 * same values and the difference is the variant's change rather than noise.
 */
export const VariantPreview: Component<{ draft: CaseDraft; id: string; preview?: LivePreview }> = (props) => {
  const applied = createMemo<Applied>(() => {
    const bc = props.draft.validation().validCase;
    if (!bc) return { kind: 'base-invalid' };
    try {
      const { document } = applyVariant(bc, props.id);
      const checked = validateCase(document);
      return checked.ok ? { kind: 'ok', document } : { kind: 'invalid', issues: checked.issues };
    } catch (error) {
      if (error instanceof VariantError) return { kind: 'error', message: error.message };
      throw error;
    }
  });
  const [summary, setSummary] = createSignal<RunSummary | null>(null);
  let client: SimulationClient | null = null;
  createEffect(
    on(applied, (state) => {
      const preview = props.preview;
      if (!preview || state.kind !== 'ok') return void setSummary(null);
      client ??= createSimulationClient();
      void client.request(state.document, preview.settings()).then((response) => {
        if (response?.ok) setSummary(response.summary);
      });
    }),
  );
  onCleanup(() => client?.dispose());
  const format = () => props.draft.format();
  const baseNpv = () => props.preview?.result()?.summary.outputs.npv;
  return (
    <div class="variant-preview" data-testid="variant-preview" aria-live="polite">
      <Show when={applied().kind === 'base-invalid'}>
        <p class="muted">Fix the case's problems first: the variant is built on the case.</p>
      </Show>
      <Show when={applied().kind === 'error' && (applied() as { message: string }).message}>
        {(message) => (
          <p class="field-error" role="alert">
            This variant cannot be built: {message()}.
          </p>
        )}
      </Show>
      <Show when={applied().kind === 'invalid' && (applied() as { issues: CaseIssue[] }).issues}>
        {(issues) => (
          <div class="field-error" role="alert">
            This variant does not simulate yet:
            <ul>
              <For each={issues().slice(0, 5)}>{(issue) => <li>{issue.message}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
      <Show when={applied().kind === 'ok' && summary() && baseNpv() ? { variant: summary()!.outputs.npv, base: baseNpv()! } : null}>
        {(npv) => (
          <p data-testid="variant-npv">
            NPV P50 in this variant <strong>{format().money(npv().variant.percentiles.p50)}</strong> against {format().money(npv().base.percentiles.p50)} for
            the case: <strong>{format().moneySigned(npv().variant.percentiles.p50 - npv().base.percentiles.p50)}</strong>. P(NPV &gt; 0){' '}
            {format().percent(npv().variant.probabilityPositive.value)} against {format().percent(npv().base.probabilityPositive.value)}.{' '}
            <span class="muted">
              Live preview in your browser ({format().count(props.preview!.settings().trials)} trials, seed {props.preview!.settings().seed}), not a stored run.
            </span>
          </p>
        )}
      </Show>
      <Show when={applied().kind === 'ok' && !props.preview}>
        <p class="muted">This variant simulates: compare it with the case on the Compare tab.</p>
      </Show>
    </div>
  );
};
