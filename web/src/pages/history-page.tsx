import { createEffect, createResource, createSignal, For, Show, Suspense, untrack, type Component } from 'solid-js';
import { DiffTable } from '../components/diff-table.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { api } from '../lib/api.ts';
import { defaultDiffPair, groupVersions, versionLabel } from '../lib/version-groups.ts';
import type { CaseContext } from '../stores/case-context.ts';

interface TimelineEntry {
  at: string;
  kind: 'version' | 'decision';
  title: string;
  by: string;
  detail: string;
  status?: string;
}

/**
 * The case's versions: named versions first, with their messages, who named them and when;
 * then the working versions (autosaves), collapsed. A field-by-field diff between any two,
 * and the case's timeline: versions and decisions in the order they happened.
 */
export const HistoryPage: Component<{ context: CaseContext }> = (props) => {
  const format = () => props.context.session.draft.format();
  const id = () => props.context.session.id;
  // Keyed on the resource itself: a save or a refresh (after naming a version) reloads the list.
  const [versions, { refetch }] = createResource(
    () => props.context.session.resource(),
    () => api.versions(id()).then((page) => page.items),
  );
  const groups = () => groupVersions(versions() ?? []);
  const [decisions] = createResource(() => api.decisions(id()).then((page) => page.items));
  const [from, setFrom] = createSignal(0);
  const [to, setTo] = createSignal(0);
  createEffect(() => {
    const pair = defaultDiffPair(groups());
    if (!pair) return;
    const exists = (version: number) => groups().all.some((v) => v.version === version);
    if (!exists(untrack(to))) setTo(pair.to);
    if (!exists(untrack(from))) setFrom(pair.from);
  });
  const [diff] = createResource(
    () => (from() && to() && from() !== to() ? { from: from(), to: to() } : null),
    async (range) => {
      // The two documents name changed lines by their labels in the table.
      const [changes, before, after] = await Promise.all([api.diff(id(), range.from, range.to), api.version(id(), range.from), api.version(id(), range.to)]);
      return { ...changes, before: before.document, after: after.document };
    },
  );
  const timeline = (): TimelineEntry[] =>
    [
      ...(versions() ?? []).map((v) => ({
        at: v.named && v.namedAt ? v.namedAt : v.createdAt,
        kind: 'version' as const,
        title: v.named ? `Version ${v.version} named “${v.message ?? ''}”` : `Version ${v.version} saved`,
        by: v.named ? (v.namedBy ?? v.createdBy) : v.createdBy,
        detail: v.named ? '' : (v.message ?? ''),
      })),
      ...(decisions() ?? []).map((d) => ({
        at: d.takenAt,
        kind: 'decision' as const,
        title: `Decision recorded on version ${d.caseVersion}`,
        by: d.takenBy,
        detail: d.rationale,
        status: d.decision,
      })),
    ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <div class="page history-page">
      <h2 class="page-title">Version history</h2>
      <Suspense fallback={<p class="muted">Loading versions…</p>}>
        <Show when={versions.error}>
          <ErrorNotice error={versions.error} onRetry={() => void refetch()} />
        </Show>
        <div class="two-columns history-columns">
          <section class="panel">
            <h3>Named versions</h3>
            <Show
              when={groups().named.length}
              fallback={<p class="muted">No named version yet. Use “Save version…” above to mark one, for example “sent to the CFO”.</p>}
            >
              <table class="data-table compact" data-testid="named-versions">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Name</th>
                    <th scope="col">Named by</th>
                    <th scope="col">On</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={groups().named}>
                    {(v) => (
                      <tr classList={{ selected: v.version === from() || v.version === to() }}>
                        <td>v{v.version}</td>
                        <td>
                          <strong>{v.message}</strong>
                        </td>
                        <td>{v.namedBy ?? v.createdBy}</td>
                        <td>{format().dateTime(v.namedAt ?? v.createdAt)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <details class="working-versions" data-testid="working-versions">
              <summary>
                {groups().working.length} working version{groups().working.length === 1 ? '' : 's'}{' '}
                <span class="muted">(autosaves and other unnamed saves)</span>
              </summary>
              <table class="data-table compact" data-testid="versions">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Saved</th>
                    <th scope="col">By</th>
                    <th scope="col">Note</th>
                    <th scope="col">Hash</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={groups().working}>
                    {(v) => (
                      <tr classList={{ selected: v.version === from() || v.version === to() }}>
                        <td>v{v.version}</td>
                        <td>{format().dateTime(v.createdAt)}</td>
                        <td>{v.createdBy}</td>
                        <td>{v.message ?? ''}</td>
                        <td>
                          <code title={v.hash}>{v.hash.slice(0, 10)}</code>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </details>
          </section>
          <section class="panel">
            <h3>Timeline</h3>
            <ol class="timeline" data-testid="timeline">
              <For each={timeline()}>
                {(entry) => (
                  <li class={`timeline-${entry.kind}`}>
                    <span class="timeline-date">{format().dateTime(entry.at)}</span>
                    <strong>{entry.title}</strong>
                    <Show when={entry.status}>
                      {' '}
                      <StatusBadge status={entry.status} />
                    </Show>{' '}
                    by {entry.by}
                    <Show when={entry.detail}>
                      <span class="timeline-detail">{entry.detail}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </section>
        </div>
        <section class="panel">
          <div class="panel-toolbar">
            <h3>Differences</h3>
            <label for="diff-from">From</label>
            <select id="diff-from" value={String(from())} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
              <For each={groups().all}>
                {(v) => (
                  <option value={v.version} selected={v.version === from()}>
                    {versionLabel(v)}
                  </option>
                )}
              </For>
            </select>
            <label for="diff-to">to</label>
            <select id="diff-to" value={String(to())} onChange={(e) => setTo(Number(e.currentTarget.value))}>
              <For each={groups().all}>
                {(v) => (
                  <option value={v.version} selected={v.version === to()}>
                    {versionLabel(v)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <Show when={from() !== to()} fallback={<p class="muted">Choose two different versions.</p>}>
            <Suspense fallback={<p class="muted">Comparing…</p>}>
              <Show when={diff()}>
                {(d) => (
                  <DiffTable
                    changes={d().changes}
                    before={d().before}
                    after={d().after}
                    beforeLabel={`v${d().from}`}
                    afterLabel={`v${d().to}`}
                    caption={`${d().changes.length} field${d().changes.length === 1 ? '' : 's'} changed from v${d().from} to v${d().to}`}
                  />
                )}
              </Show>
            </Suspense>
          </Show>
        </section>
      </Suspense>
    </div>
  );
};
