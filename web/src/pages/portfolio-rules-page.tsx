import { createResource, createSignal, For, Show, Suspense, untrack, type Component } from 'solid-js';
import type { PortfolioRulesResource } from '../../../models/contract/portfolio-rules-resources.ts';
import { REPRESENTATIVENESS, type Representativeness } from '../../../models/case/evidence-schema.ts';
import { REPRESENTATIVENESS_FACTORS, type RepresentativenessFactors } from '../../../models/evidence/representativeness-factors.ts';
import '../styles/portfolio-rules.css';
import { ErrorNotice } from '../components/error-notice.tsx';
import { NumberField } from '../components/number-field.tsx';
import { portfolioRulesApi, sharedPortfolioRules } from '../lib/portfolio-rules-api.ts';
import { isAdmin } from '../stores/me-store.ts';

const MEANING: Record<Representativeness, string> = {
  production: 'Production: taken under production conditions',
  similar: 'Similar: a comparable setting, not this one',
  curated: 'Curated: cleaned, selected or hand-held, as pilots often are',
};

const POST_LAUNCH: readonly [keyof PortfolioRulesResource['postLaunch'], string, string][] = [
  ['regateAfterMonths', 'Re-gate after months outside P10–P90', 'built-in 3'],
  ['durableMonths', 'Durable change: over the last N months', 'built-in 6'],
  ['durableShare', 'Durable change: share of the hypothesised change reached', 'built-in 0.8'],
  ['reviewEveryMonths', 'Post-launch review every N months', 'built-in 3'],
];

/** "40 measurements count as 10". */
const example = (factor: number | undefined): string => (factor && factor > 0 ? `40 measurements count as ${Number((40 * factor).toFixed(2))}` : '');

/** The three factors: inputs for an admin, a table for everyone else. */
const FactorRows: Component<{
  factors: Partial<RepresentativenessFactors>;
  editable: boolean;
  onChange: (key: Representativeness, value: number | undefined) => void;
}> = (props) => (
  <table class="data-table" data-testid="representativeness-factors">
    <thead>
      <tr>
        <th scope="col">Evidence taken</th>
        <th scope="col" class="num">
          Factor
        </th>
        <th scope="col">Default</th>
        <th scope="col">For example</th>
      </tr>
    </thead>
    <tbody>
      <For each={REPRESENTATIVENESS}>
        {(key) => (
          <tr>
            <th scope="row">{MEANING[key]}</th>
            <td class="num">
              <Show when={props.editable} fallback={<span data-testid={`factor-${key}`}>{props.factors[key]}</span>}>
                <NumberField
                  label={`${key} factor`}
                  class="label-hidden factor-field"
                  value={props.factors[key]}
                  onChange={(value) => props.onChange(key, value)}
                />
              </Show>
            </td>
            <td>{REPRESENTATIVENESS_FACTORS[key]}</td>
            <td>{example(props.factors[key])}</td>
          </tr>
        )}
      </For>
    </tbody>
  </table>
);

/** The rules as a form: inputs for an admin, read-only for everyone else; `onSaved` gets the server's answer. */
const RulesForm: Component<{ rules: PortfolioRulesResource; onSaved: (rules: PortfolioRulesResource) => void }> = (props) => {
  // Seeded once from what the server sent; the form then holds what the admin types.
  const [factors, setFactors] = createSignal<Partial<RepresentativenessFactors>>({ ...untrack(() => props.rules.representativenessFactors) });
  const [postLaunch, setPostLaunch] = createSignal<PortfolioRulesResource['postLaunch']>({ ...untrack(() => props.rules.postLaunch) });
  const [saving, setSaving] = createSignal(false);
  const [saveError, setSaveError] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const save = async (event: Event): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    setSaved(false);
    try {
      props.onSaved(await portfolioRulesApi.put({ representativenessFactors: factors(), postLaunch: postLaunch() }));
      setSaved(true);
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form class="panel" onSubmit={save}>
      <h2>Evidence: how much a measurement counts</h2>
      <p>
        A measurement of <em>n</em> observations counts as <strong>factor × n</strong> (its effective sample size) when it updates an input's range: evidence
        taken under production conditions counts in full, less representative evidence counts for less. Each factor lies in (0, 1].
      </p>
      <FactorRows factors={factors()} editable={isAdmin()} onChange={(key, value) => setFactors((previous) => ({ ...previous, [key]: value }))} />
      <p class="muted">
        New runs, the evidence view, EVSI and exports use these factors. A stored run keeps the factors it was run with and replays with them.
      </p>
      <h2>Post-launch</h2>
      <Show
        when={isAdmin()}
        fallback={
          <ul data-testid="post-launch-rules">
            <For each={POST_LAUNCH}>
              {([key, label, fallback]) => (
                <li>
                  {label}: <strong>{postLaunch()[key] ?? fallback}</strong>
                </li>
              )}
            </For>
          </ul>
        }
      >
        <div class="field-grid field-grid-4">
          <For each={POST_LAUNCH}>
            {([key, label, fallback]) => (
              <NumberField
                label={label}
                value={postLaunch()[key]}
                optional
                placeholder={fallback}
                onChange={(value) => setPostLaunch((previous) => ({ ...previous, [key]: value }))}
              />
            )}
          </For>
        </div>
      </Show>
      <p class="muted">A case's own post-launch settings override these.</p>
      <Show when={saveError()}>
        <ErrorNotice error={saveError()} />
      </Show>
      <Show when={isAdmin()}>
        <button type="submit" class="button-primary" disabled={saving()} data-testid="save-rules">
          {saving() ? 'Saving…' : 'Save the portfolio rules'}
        </button>
        <Show when={saved()}>
          <span class="muted" role="status">
            {' '}
            Saved.
          </span>
        </Show>
      </Show>
      <p class="muted" data-testid="rules-changed">
        {props.rules.updatedBy
          ? `Last changed by ${props.rules.updatedBy} on ${props.rules.updatedAt?.slice(0, 10)}.`
          : 'Never changed: the built-in defaults apply.'}
      </p>
    </form>
  );
};

/**
 * The rules every case of the portfolio follows: how much evidence counts by where it was
 * taken (issue 20) and the post-launch thresholds (issue 17). An admin edits them; everyone
 * else sees them. New runs, evidence views and EVSI use the factors; a stored run keeps its own.
 */
export const PortfolioRulesPage: Component = () => {
  const [rules, { mutate }] = createResource(() => portfolioRulesApi.get());
  const onSaved = (next: PortfolioRulesResource): void => {
    mutate(next);
    // The editor's evidence forms and live preview read the shared copy.
    void sharedPortfolioRules()[1].refetch();
  };
  return (
    <main id="main" class="page portfolio-rules-page" tabindex="-1">
      <div class="page-heading">
        <h1>Portfolio rules</h1>
        <p class="muted">
          {isAdmin() ? 'Every case follows these rules. As an admin you can change them.' : 'Every case follows these rules; an admin sets them.'}
        </p>
      </div>
      <Suspense fallback={<p class="muted">Loading the portfolio's rules…</p>}>
        <Show when={rules.error}>
          <ErrorNotice error={rules.error} />
        </Show>
        <Show when={rules()}>{(r) => <RulesForm rules={r()} onSaved={onSaved} />}</Show>
      </Suspense>
    </main>
  );
};
