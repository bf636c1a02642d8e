import { createSignal, For, Show, type Component } from 'solid-js';
import type { CaseInput } from '../../../models/case/case-schema.ts';
import { evsiOf, type EvsiView } from '../lib/evidence-api.ts';
import type { CaseFormat } from '../lib/format.ts';
import { ErrorNotice } from './error-notice.tsx';
import { NumberField, parseNumber } from './number-field.tsx';
import { SelectField } from './select-field.tsx';
import { TextField } from './text-field.tsx';

type Inputs = CaseInput['inputs'];

/** Sample sizes as typed: "10, 30, 100" → [10, 30, 100]; null when one is not a number. */
function parseSizes(text: string): number[] | null {
  const cells = text
    .split(/[,;\s]+/)
    .map((cell) => cell.trim())
    .filter(Boolean);
  const values = cells.map((cell) => parseNumber(cell));
  return values.every((value) => typeof value === 'number') ? (values as number[]) : null;
}

/** The planned observation in words: "1.2 minutes/contact", "0.3 on the log scale", "binomial". */
function sampleText(result: EvsiView): string {
  const model = result.sampleModel;
  if (model.kind === 'normal') return `${model.sd} ${result.unit}`;
  return model.kind === 'lognormal' ? `${model.logSd.toPrecision(3)} on the log scale` : 'binomial';
}

/** The input to offer first: one with evidence, else the first that varies. */
function firstInput(inputs: Inputs): string {
  const names = Object.keys(inputs);
  return names.find((name) => inputs[name].evidence) ?? names.find((name) => inputs[name].distribution?.type !== 'fixed') ?? names[0] ?? '';
}

/**
 * How large should the next measurement be: for one input, planned sample sizes, the
 * sd of one observation and the cost (fixed plus per observation), the server prices
 * each size by its expected value of sample information (EVSI), shows the net value,
 * marks the best n, and shows the input's EVPPI as the ceiling EVSI tends to.
 */
export const EvsiPanel: Component<{ caseId: string; inputs: Inputs; format: CaseFormat }> = (props) => {
  const [input, setInput] = createSignal(firstInput(props.inputs));
  const [sizes, setSizes] = createSignal('10, 30, 100, 300');
  const [sd, setSd] = createSignal<number | undefined>();
  const cost = () => props.inputs[input()]?.samplingCost;
  const [fixed, setFixed] = createSignal<number | undefined>();
  const [perObservation, setPerObservation] = createSignal<number | undefined>();
  const [result, setResult] = createSignal<EvsiView | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [sizesError, setSizesError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const options = () => Object.entries(props.inputs).map(([name, value]) => ({ value: name, label: value.label ?? name }));
  const run = async (): Promise<void> => {
    const n = parseSizes(sizes());
    if (!n || n.length === 0) return void setSizesError('Sample sizes: give whole numbers separated by commas, e.g. 10, 30, 100');
    setSizesError(null);
    setBusy(true);
    setError(null);
    try {
      const costFixed = fixed() ?? cost()?.fixed;
      const costPerObservation = perObservation() ?? cost()?.perObservation;
      setResult(await evsiOf(props.caseId, { input: input(), n, sd: sd(), costFixed, costPerObservation }));
    } catch (caught) {
      setResult(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel evsi-panel" data-testid="evsi-panel">
      <h3>How large should the next measurement be? (EVSI)</h3>
      <p class="explainer">
        The expected value of sample information of n observations of one input: what the measurement is worth to the go/stop decision before it is taken. It
        never exceeds the input's EVPPI and tends to it as n grows.
      </p>
      <div class="field-row">
        <SelectField label="Input to measure" value={input()} options={options()} onChange={setInput} />
        <TextField label="Sample sizes n" value={sizes()} onChange={setSizes} issues={sizesError() ? [sizesError()!] : []} hint="Separated by commas" />
        <NumberField label="Sd of one observation" optional value={sd()} onChange={setSd} hint="Default: the sd of the input's evidence" />
        <NumberField label="Fixed cost" unit={props.format.currency} optional value={fixed() ?? cost()?.fixed} onChange={setFixed} />
        <NumberField
          label="Cost per observation"
          unit={props.format.currency}
          optional
          value={perObservation() ?? cost()?.perObservation}
          onChange={setPerObservation}
        />
      </div>
      <button type="button" class="button-primary" disabled={busy()} onClick={() => void run()}>
        {busy() ? 'Pricing…' : 'Price the measurement'}
      </button>
      <Show when={error()}>
        <ErrorNotice error={error()} />
      </Show>
      <Show when={result()}>
        {(r) => (
          <table class="data-table" data-testid="evsi-table">
            <caption>
              EVSI of measuring {r().label}: the ceiling is its EVPPI, <strong data-testid="evsi-ceiling">{props.format.money(r().evppi.value)}</strong> (±{' '}
              {props.format.money(r().evppi.standardError)}); sd of one observation {sampleText(r())} (
              {r().sdSource === 'evidence' ? "from the input's evidence" : r().sdSource === 'option' ? 'as given' : 'a count of successes'});{' '}
              {r().trials.toLocaleString('en-US')} trials.
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  n
                </th>
                <th scope="col" class="num">
                  EVSI
                </th>
                <th scope="col" class="num">
                  ± SE
                </th>
                <th scope="col" class="num">
                  Cost
                </th>
                <th scope="col" class="num">
                  Net value
                </th>
                <th scope="col">Best</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().rows}>
                {(row) => (
                  <tr classList={{ 'row-best': row.n === r().bestN }}>
                    <td class="num">{row.n.toLocaleString('en-US')}</td>
                    <td class="num">{props.format.money(row.evsi)}</td>
                    <td class="num">{props.format.money(row.standardError)}</td>
                    <td class="num">{row.cost === null ? 'not priced' : props.format.money(row.cost)}</td>
                    <td class="num">{row.netValue === null ? '—' : props.format.moneySigned(row.netValue)}</td>
                    <td>{row.n === r().bestN ? '✓ best n in the grid' : ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Show>
      <Show when={result() && result()!.bestN === null}>
        <p class="muted" data-testid="evsi-no-best">
          {result()!.cost ? 'No sample size in the grid is worth its cost.' : 'Give a cost to find the best n.'}
        </p>
      </Show>
    </section>
  );
};
