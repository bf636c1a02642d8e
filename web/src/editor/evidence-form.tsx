import { createMemo, Show, type Component } from 'solid-js';
import type { Evidence } from '../../../models/case/evidence-schema.ts';
import { evidenceComparison, type EvidenceComparisonRow } from '../../../models/evidence/evidence-comparison.ts';
import { NumberField } from '../components/number-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { EvidenceBeforeAfter } from './evidence-before-after.tsx';
import {
  kindOf,
  newEvidence,
  representativenessOptions,
  representativenessLine,
  sampleSize,
  withKind,
  EVIDENCE_KINDS,
  type EvidenceKind,
} from './evidence-fields.ts';
import { ObservationsField } from './observations-field.tsx';
import { SamplingCostFields } from './sampling-cost-fields.tsx';
import { portfolioFactors } from '../lib/portfolio-rules-api.ts';
import type { CaseDraft } from '../stores/case-draft.ts';

/**
 * The measurements of one input: a list of observations (typed, pasted or from a
 * one-column CSV), a summary (n, mean, sd) or a proportion (successes of trials), with
 * where it was taken (representativeness), when and by whom. Every edit goes through
 * the draft, so it autosaves like any other field; the stated range and the range the
 * evidence updates it to are drawn side by side as it is typed.
 */
export const EvidenceForm: Component<{ draft: CaseDraft; name: string }> = (props) => {
  const base = () => `/inputs/${props.name}/evidence`;
  const input = () => props.draft.document.inputs[props.name];
  const evidence = (): Partial<Evidence> | undefined => input()?.evidence as Partial<Evidence> | undefined;
  const issues = () => props.draft.validation().issues;
  const set = (field: string) => (value: unknown) => props.draft.update(`${base()}/${field}`, value === '' ? undefined : value);
  const comparison = createMemo((): EvidenceComparisonRow | null => {
    if (!evidence()) return null;
    try {
      // The portfolio's factors, as the server's runs weigh the evidence.
      return evidenceComparison({ [props.name]: input() as never }, portfolioFactors())[0] ?? null;
    } catch {
      return null;
    }
  });
  return (
    <section class="evidence-form" data-testid={`evidence-${props.name}`} aria-label={`Evidence for ${input()?.label ?? props.name}`}>
      <h4>Evidence: what a measurement found</h4>
      <Show
        when={evidence()}
        fallback={
          <button type="button" class="button-secondary" onClick={() => props.draft.update(base(), newEvidence(new Date().toISOString().slice(0, 10)))}>
            + Record a measurement of this input
          </button>
        }
      >
        <div class="evidence-columns">
          <div class="evidence-fields">
            <SelectField
              label="Kind of evidence"
              value={kindOf(evidence())}
              options={EVIDENCE_KINDS}
              onChange={(kind) => props.draft.update(base(), withKind(evidence(), kind as EvidenceKind))}
            />
            <Show when={kindOf(evidence()) === 'summary'}>
              <div class="field-row">
                <NumberField
                  label="Sample size n"
                  value={evidence()?.summary?.n}
                  onChange={set('summary/n')}
                  issues={issues().at(`${base()}/summary/n`)}
                  step="1"
                />
                <NumberField
                  label="Sample mean"
                  unit={input()?.unit}
                  value={evidence()?.summary?.mean}
                  onChange={set('summary/mean')}
                  issues={issues().at(`${base()}/summary/mean`)}
                />
                <NumberField
                  label="Sample standard deviation"
                  unit={input()?.unit}
                  value={evidence()?.summary?.sd}
                  onChange={set('summary/sd')}
                  issues={issues().at(`${base()}/summary/sd`)}
                />
              </div>
            </Show>
            <Show when={kindOf(evidence()) === 'observations'}>
              <ObservationsField
                values={evidence()?.observations}
                onChange={set('observations')}
                issues={issues().under(`${base()}/observations`)}
                unit={input()?.unit ?? ''}
              />
            </Show>
            <Show when={kindOf(evidence()) === 'proportion'}>
              <div class="field-row">
                <NumberField
                  label="Successes"
                  value={evidence()?.proportion?.successes}
                  onChange={set('proportion/successes')}
                  issues={issues().at(`${base()}/proportion/successes`)}
                  step="1"
                />
                <NumberField
                  label="Trials"
                  value={evidence()?.proportion?.trials}
                  onChange={set('proportion/trials')}
                  issues={issues().at(`${base()}/proportion/trials`)}
                  step="1"
                />
              </div>
            </Show>
            <SelectField
              label="Representativeness"
              value={evidence()?.representativeness ?? 'production'}
              options={representativenessOptions(portfolioFactors())}
              onChange={set('representativeness')}
              issues={issues().at(`${base()}/representativeness`)}
            />
            <p class="field-hint" data-testid="representativeness-line">
              {representativenessLine(evidence()?.representativeness, sampleSize(evidence()), portfolioFactors())}
            </p>
            <div class="field-row">
              <TextField label="Taken on" type="date" value={evidence()?.takenOn} onChange={set('takenOn')} issues={issues().at(`${base()}/takenOn`)} />
              <TextField
                label="Taken by"
                value={evidence()?.takenBy}
                onChange={set('takenBy')}
                issues={issues().at(`${base()}/takenBy`)}
                hint="Who measured it"
              />
            </div>
            <TextField
              label="Note"
              optional
              value={evidence()?.note}
              onChange={set('note')}
              issues={issues().at(`${base()}/note`)}
              hint="How it was measured, and what it may miss"
            />
            <SamplingCostFields draft={props.draft} name={props.name} />
            <button type="button" class="button-quiet" onClick={() => props.draft.update(base(), undefined)}>
              Remove the evidence
            </button>
          </div>
          <Show when={comparison()} fallback={<p class="muted">The stated range and the range after the evidence show here once the evidence is complete.</p>}>
            {(row) => <EvidenceBeforeAfter row={row()} format={props.draft.format()} />}
          </Show>
        </div>
      </Show>
    </section>
  );
};
