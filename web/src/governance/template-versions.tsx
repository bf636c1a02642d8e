import { createResource, createSignal, For, Show, Suspense, type Component } from 'solid-js';
import type { TemplateVersionSummary } from '../../../models/contract/governance-resources.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { templateDiff, templateVersion } from '../lib/governance-api.ts';
import { TemplateDiffView } from './template-diff-view.tsx';
import { TemplateItems } from './template-items.tsx';
import { TemplatePublisher } from './template-publisher.tsx';

export interface TemplateVersionsProps {
  versions: TemplateVersionSummary[];
  admin: boolean;
  onPublished: () => void;
}

/**
 * The shared readiness checklist: pick a version to read its items by gate, compare two
 * versions, and (admins) draft and publish the next one.
 */
export const TemplateVersions: Component<TemplateVersionsProps> = (props) => {
  const newest = () => props.versions[0]?.version ?? 1;
  const [shown, setShown] = createSignal(newest());
  const [template] = createResource(shown, templateVersion);
  const [from, setFrom] = createSignal(Math.max(1, newest() - 1));
  const [to, setTo] = createSignal(newest());
  const [diffAsked, setDiffAsked] = createSignal<{ from: number; to: number } | null>(null);
  const [diff] = createResource(diffAsked, (pair) => templateDiff(pair.from, pair.to));
  const [drafting, setDrafting] = createSignal(false);
  const [current] = createResource(newest, templateVersion);
  const versionOptions = () => props.versions.map((entry) => entry.version);
  const summary = () => props.versions.find((entry) => entry.version === shown());
  return (
    <section class="panel" aria-labelledby="template-title" data-testid="template-versions">
      <h2 id="template-title">Readiness checklist template</h2>
      <p class="section-description">
        One checklist shared by business, IT, data, risk, legal, HR and operations, grouped by the six readiness gates. A new case uses the version current at
        its creation.
      </p>
      <div class="panel-toolbar">
        <label>
          Version
          <select aria-label="Template version" value={shown()} onChange={(event) => setShown(Number(event.currentTarget.value))}>
            <For each={props.versions}>
              {(entry) => (
                <option value={entry.version} selected={entry.version === shown()}>
                  {entry.version}
                  {entry.current ? ' (current)' : ''}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={summary()}>
          {(entry) => (
            <span class="muted" data-testid="template-summary">
              {entry().itemCount} items · {entry().createdAt ? `published by ${entry().createdBy} on ${entry().createdAt?.slice(0, 10)}` : 'built in'}
              {entry().note ? ` · ${entry().note}` : ''}
            </span>
          )}
        </Show>
      </div>
      <Suspense fallback={<p class="page-loading">Loading the template…</p>}>
        <Show when={template.error}>
          <ErrorNotice error={template.error} />
        </Show>
        <Show when={template()}>{(loaded) => <TemplateItems items={loaded().items} />}</Show>
      </Suspense>
      <Show when={props.versions.length > 1}>
        <div class="panel-toolbar template-compare">
          <h3>Compare versions</h3>
          <label>
            From
            <select aria-label="Compare from" onChange={(event) => setFrom(Number(event.currentTarget.value))}>
              <For each={versionOptions()}>{(version) => <option selected={version === from()}>{version}</option>}</For>
            </select>
          </label>
          <label>
            To
            <select aria-label="Compare to" onChange={(event) => setTo(Number(event.currentTarget.value))}>
              <For each={versionOptions()}>{(version) => <option selected={version === to()}>{version}</option>}</For>
            </select>
          </label>
          <button type="button" class="button-secondary" onClick={() => setDiffAsked({ from: from(), to: to() })}>
            Show changes
          </button>
        </div>
        <Show when={diff.error}>
          <ErrorNotice error={diff.error} />
        </Show>
        <Show when={diff()}>{(loaded) => <TemplateDiffView diff={loaded()} />}</Show>
      </Show>
      <Show when={props.admin} fallback={<p class="notice notice-info">Read-only: only an admin publishes template versions.</p>}>
        <Show
          when={drafting() && current()}
          fallback={
            <button type="button" class="button-secondary" onClick={() => setDrafting(true)}>
              Draft a new version
            </button>
          }
        >
          {(loaded) => (
            <TemplatePublisher
              current={loaded()}
              onPublished={() => {
                setDrafting(false);
                props.onPublished();
              }}
            />
          )}
        </Show>
      </Show>
    </section>
  );
};
