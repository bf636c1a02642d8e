import { createMemo, createUniqueId, For, Match, Show, Switch, type Component } from 'solid-js';
import type { CaseIssue } from '../../../models/case/case-error.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { DistributionPreviewChart } from '../charts/distribution-preview-chart.tsx';
import { EMPTY_ISSUES, type IssueIndex } from '../lib/case-issues.ts';
import {
  buildDistribution,
  type BuildOutcome,
  convertSpec,
  DISTRIBUTION_FORMS,
  FIELD_LABELS,
  formOf,
  OPTIONAL_FIELDS,
  type DistributionField,
  type DistributionFormId,
} from '../lib/distribution-forms.ts';
import { caseFormat, type CaseFormat } from '../lib/format.ts';
import { formatUnitValue } from '../lib/units.ts';
import { FieldErrors } from './field-errors.tsx';
import { NumberField, parseNumber } from './number-field.tsx';

export interface DistributionPickerProps {
  /** The spec as written (may be invalid while being edited). */
  value: Partial<DistributionSpec> | undefined;
  onChange: (spec: DistributionSpec) => void;
  /** What the input measures, shown on every field and on the preview. */
  unit: string;
  label: string;
  /** JSON pointer of the spec, e.g. /inputs/seats/distribution, to find its issues. */
  pointer?: string;
  issues?: IssueIndex;
  format?: CaseFormat;
  /** Hide the preview chart (dense tables). */
  noPreview?: boolean;
}

type SpecRecord = Record<string, unknown>;

/**
 * Picks and parameterises an input's distribution: 90 % interval (lognormal or normal),
 * three-point (triangular, PERT), uniform, beta, chance event, discrete or fixed. Each
 * field shows the engine's own error for it (e.g. "max must be greater than min"), and
 * the preview draws the shape with its 90 % range in the input's unit.
 */
export const DistributionPicker: Component<DistributionPickerProps> = (props) => {
  const id = createUniqueId();
  const format = (): CaseFormat => props.format ?? caseFormat('EUR');
  const issues = (): IssueIndex => props.issues ?? EMPTY_ISSUES;
  const pointer = (): string => props.pointer ?? '';
  const form = createMemo<DistributionFormId>(() => formOf(props.value));
  const formDefinition = () => DISTRIBUTION_FORMS.find((candidate) => candidate.id === form())!;
  const built = createMemo(() => buildDistribution(props.value));
  const spec = (): SpecRecord => (props.value ?? {}) as SpecRecord;

  const fieldIssues = (field: string): (CaseIssue | string)[] => {
    const fromEngine = issues().at(`${pointer()}/${field}`);
    const outcome = built();
    // The local check names the same field as validateCase; show it once.
    const local = !outcome.ok && outcome.field === field && !fromEngine.some((issue) => issue.message === outcome.message) ? [outcome.message] : [];
    return [...local, ...fromEngine];
  };

  const generalIssues = (): (CaseIssue | string)[] => {
    const outcome = built();
    const fields = new Set<string>(formDefinition().fields);
    const local = !outcome.ok && !fields.has(outcome.field) && !outcome.field.startsWith('truncate') ? [outcome.message] : [];
    return [...local, ...issues().at(pointer()), ...issues().at(`${pointer()}/type`)];
  };

  const setField = (field: string, value: unknown): void => props.onChange(withField(spec(), field, value));
  const setTruncate = (bound: 'min' | 'max', value: number | undefined): void => props.onChange(withTruncate(spec(), bound, value));

  return (
    <div class="distribution-picker" data-testid="distribution-picker">
      <div class="field">
        <label for={`${id}-form`}>Distribution of {props.label}</label>
        <select
          id={`${id}-form`}
          value={form()}
          onChange={(event) => props.onChange(convertSpec(props.value, event.currentTarget.value as DistributionFormId))}
        >
          <For each={DISTRIBUTION_FORMS}>
            {(option) => (
              <option value={option.id} selected={option.id === form()}>
                {option.label}
              </option>
            )}
          </For>
        </select>
      </div>
      <p class="field-hint distribution-unit">
        Values in {props.unit}
        {form() === 'bernoulli' ? ' (probability as a share, 0–1)' : ''}
      </p>
      <DistributionFields
        form={form()}
        fields={formDefinition().fields as readonly DistributionField[]}
        spec={spec()}
        unit={props.unit}
        fieldIssues={fieldIssues}
        onField={setField}
      />
      <FieldErrors id={`${id}-general`} issues={generalIssues()} />
      <Show when={form() !== 'fixed' && form() !== 'bernoulli' && form() !== 'discrete'}>
        <TruncationFields truncation={spec().truncate as SpecRecord | undefined} issues={issues()} pointer={pointer()} onChange={setTruncate} />
      </Show>
      <DistributionPreview
        outcome={built()}
        spec={props.value as DistributionSpec}
        unit={props.unit}
        label={props.label}
        format={format()}
        noPreview={props.noPreview}
      />
    </div>
  );
};

interface DistributionFieldsProps {
  form: DistributionFormId;
  fields: readonly DistributionField[];
  spec: SpecRecord;
  unit: string;
  fieldIssues: (field: string) => (CaseIssue | string)[];
  onField: (field: string, value: unknown) => void;
}

/** The form's parameters: a list field for discrete values and weights, a number field for every other. */
const DistributionFields: Component<DistributionFieldsProps> = (props) => {
  const listText = (field: 'values' | 'weights'): string => {
    const list = props.spec[field];
    return Array.isArray(list) ? list.join('; ') : '';
  };
  const setList = (field: 'values' | 'weights', text: string): void => {
    const parts = text
      .split(/[;\s]+/)
      .filter(Boolean)
      .map(parseNumber);
    if (parts.some((part) => part === null || part === undefined)) return;
    props.onField(field, parts as number[]);
  };

  return (
    <div class="distribution-fields">
      <For each={props.fields}>
        {(field) => (
          <Switch>
            <Match when={field === 'values' || field === 'weights'}>
              <ListField
                label={`${FIELD_LABELS[field]}${field === 'values' ? ` (${props.unit})` : ''}`}
                text={listText(field as 'values' | 'weights')}
                onCommit={(text) => setList(field as 'values' | 'weights', text)}
                issues={props.fieldIssues(field)}
              />
            </Match>
            <Match when={true}>
              <NumberField
                label={FIELD_LABELS[field]}
                value={props.spec[field] as number | undefined}
                optional={OPTIONAL_FIELDS[props.form]?.includes(field)}
                onChange={(value) => props.onField(field, value)}
                issues={props.fieldIssues(field)}
              />
            </Match>
          </Switch>
        )}
      </For>
    </div>
  );
};

interface TruncationFieldsProps {
  truncation: SpecRecord | undefined;
  issues: IssueIndex;
  /** JSON pointer of the spec the bounds belong to. */
  pointer: string;
  onChange: (bound: 'min' | 'max', value: number | undefined) => void;
}

/** Optional lower and upper bounds of a continuous distribution, open when either is set. */
const TruncationFields: Component<TruncationFieldsProps> = (props) => (
  <details class="truncation" open={Boolean(props.truncation)}>
    <summary>Truncate (optional bounds)</summary>
    <div class="distribution-fields">
      <NumberField
        label="Lower bound"
        optional
        value={props.truncation?.min as number | undefined}
        onChange={(value) => props.onChange('min', value)}
        issues={[...props.issues.at(`${props.pointer}/truncate/min`), ...props.issues.at(`${props.pointer}/truncate`)]}
      />
      <NumberField
        label="Upper bound"
        optional
        value={props.truncation?.max as number | undefined}
        onChange={(value) => props.onChange('max', value)}
        issues={props.issues.at(`${props.pointer}/truncate/max`)}
      />
    </div>
  </details>
);

interface DistributionPreviewProps {
  outcome: BuildOutcome;
  spec: DistributionSpec;
  unit: string;
  label: string;
  format: CaseFormat;
  noPreview?: boolean;
}

/** The preview chart of a valid distribution (a placeholder while it is not), or with `noPreview` its 90 % range in one line. */
const DistributionPreview: Component<DistributionPreviewProps> = (props) => (
  <>
    <Show when={!props.noPreview}>
      <Show
        when={(() => {
          const outcome = props.outcome;
          return outcome.ok ? outcome.distribution : null;
        })()}
        fallback={<p class="preview-placeholder">Preview appears when the parameters are valid.</p>}
      >
        {(distribution) => (
          <DistributionPreviewChart distribution={distribution()} spec={props.spec} unit={props.unit} label={props.label} format={props.format} />
        )}
      </Show>
    </Show>
    <Show when={props.noPreview && props.outcome.ok}>
      <p class="range-summary">
        90% range {(() => {
          const outcome = props.outcome;
          if (!outcome.ok) return '';
          const d = outcome.distribution;
          return `${formatUnitValue(props.format, d.inv(0.05), props.unit)} to ${formatUnitValue(props.format, d.inv(0.95), props.unit)}`;
        })()}
      </p>
    </Show>
  </>
);

/** The spec with one field set, or removed when the value is undefined (an emptied optional field). */
function withField(spec: SpecRecord, field: string, value: unknown): DistributionSpec {
  const next = { ...spec } as SpecRecord;
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next as DistributionSpec;
}

/** The spec with one truncation bound set or removed; with neither bound left, `truncate` goes too. */
function withTruncate(spec: SpecRecord, bound: 'min' | 'max', value: number | undefined): DistributionSpec {
  const truncate = { ...((spec.truncate as SpecRecord | undefined) ?? {}) };
  if (value === undefined) delete truncate[bound];
  else truncate[bound] = value;
  const next = { ...spec } as SpecRecord;
  if (Object.keys(truncate).length) next.truncate = truncate;
  else delete next.truncate;
  return next as DistributionSpec;
}

/** A list of numbers typed as "4; 5; 6", committed when it parses. */
const ListField: Component<{ label: string; text: string; onCommit: (text: string) => void; issues: (CaseIssue | string)[] }> = (props) => {
  const id = createUniqueId();
  const invalid = (): boolean => props.issues.length > 0;
  return (
    <div class="field field-wide" classList={{ 'field-invalid': invalid() }}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={props.text}
        aria-invalid={invalid()}
        aria-describedby={invalid() ? `${id}-error` : `${id}-hint`}
        onInput={(event) => props.onCommit(event.currentTarget.value)}
      />
      <Show when={!invalid()}>
        <span id={`${id}-hint`} class="field-hint">
          Separate with semicolons or spaces, e.g. 4; 5; 6
        </span>
      </Show>
      <FieldErrors id={`${id}-error`} issues={props.issues} />
    </div>
  );
};
