import { createMemo, Show, type Component } from 'solid-js';
import type { EstimatorCalibration } from '../../../models/calibration/estimator-calibration.ts';
import { widenSpec } from '../../../models/calibration/widen-spec.ts';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { TextField } from '../components/text-field.tsx';
import { sharedCalibration } from '../lib/calibration-api.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { me } from '../stores/me-store.ts';

type Estimate = NonNullable<CaseInput['inputs'][string]['estimate']>;

/** The editor offers an estimator's factor only from this many resolved ranges. */
export const MIN_RANGES_FOR_FACTOR = 5;

const percent = (share: number): string => `${Math.round(share * 100)} %`;
const today = (): string => new Date().toISOString().slice(0, 10);

/** The factor rounded as offered (×1.9), or null when it would change nothing worth a click. */
export function offeredFactor(record: EstimatorCalibration | undefined): number | null {
  if (!record || record.n < MIN_RANGES_FOR_FACTOR || !Number.isFinite(record.wideningFactor)) return null;
  const factor = Math.round(record.wideningFactor * 10) / 10;
  return factor > 0 && factor !== 1 ? factor : null;
}

/**
 * Who gave an input's 90 % range and when (`inputs.NAME.estimate`), and, when that
 * estimator has at least five resolved ranges in the portfolio, how they held up with an
 * "Apply ×k" button: it widens the range about its median and records the widening.
 * Editing the range again undoes it; the record stays until removed.
 *
 * @example
 * <EstimateFields draft={draft} name="minutesSaved" />
 */
export const EstimateFields: Component<{ draft: CaseDraft; name: string }> = (props) => {
  const [calibration] = sharedCalibration();
  const base = () => `/inputs/${props.name}`;
  const estimate = (): Partial<Estimate> => (props.draft.get(`${base()}/estimate`) as Partial<Estimate> | undefined) ?? {};
  const record = createMemo(() => calibration()?.estimators.find((e) => e.estimator === estimate().by?.trim()));
  const factor = () => offeredFactor(record());
  const setField = (field: 'by' | 'on', value: string): void =>
    props.draft.mutate((document) => {
      const input = document.inputs?.[props.name] as Record<string, unknown> | undefined;
      if (!input) return;
      const next: Record<string, unknown> = { ...((input.estimate as object | undefined) ?? {}), [field]: value || undefined };
      if (next[field] === undefined) delete next[field];
      if (Object.keys(next).length === 0) delete input.estimate;
      else input.estimate = next;
    });
  const apply = (k: number): void =>
    props.draft.mutate((document) => {
      const input = document.inputs?.[props.name] as Record<string, unknown> | undefined;
      if (!input) return;
      input.distribution = widenSpec(input.distribution as DistributionSpec, k);
      const who = me()?.name ?? estimate().by ?? 'editor';
      input.estimate = { ...((input.estimate as object | undefined) ?? {}), widened: { factor: k, appliedOn: today(), appliedBy: who } };
    });
  const canWiden = createMemo(() => {
    const k = factor();
    if (k === null) return false;
    try {
      widenSpec(props.draft.get(`${base()}/distribution`) as DistributionSpec, k);
      return true;
    } catch {
      return false;
    }
  });
  const issues = () => props.draft.validation().issues;

  return (
    <div class="estimate-fields" data-testid={`estimate-${props.name}`}>
      <TextField
        label="Range given by"
        optional
        value={estimate().by}
        onChange={(v) => setField('by', v)}
        issues={issues().at(`${base()}/estimate/by`)}
        hint="The person who gave the 90 % range; scored once the value is known."
      />
      <TextField
        label="Range given on"
        optional
        type="date"
        value={estimate().on}
        onChange={(v) => setField('on', v)}
        issues={issues().at(`${base()}/estimate/on`)}
      />
      <Show when={record() && factor() !== null ? record() : undefined}>
        {(r) => (
          <p class="calibration-note" role="note" data-testid={`calibration-note-${props.name}`}>
            Ranges by {r().estimator} held {percent(r().hitRate)} of the time ({r().hits} of {r().n}); {factor()! > 1 ? 'widening' : 'narrowing'} by ×{factor()}{' '}
            would have made them 90 % right.{' '}
            <Show
              when={!estimate().widened}
              fallback={
                <span data-testid={`widened-${props.name}`}>
                  Widened ×{estimate().widened?.factor} on {estimate().widened?.appliedOn} by {estimate().widened?.appliedBy}.
                </span>
              }
            >
              <Show when={canWiden()}>
                <button type="button" class="button-secondary" onClick={() => apply(factor()!)}>
                  Apply ×{factor()}
                </button>
              </Show>
            </Show>
          </p>
        )}
      </Show>
    </div>
  );
};
