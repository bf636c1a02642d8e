import { createEffect, createResource, createSignal, For, Show, Suspense, type Component } from 'solid-js';
import { DiffTable } from '../components/diff-table.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { api } from '../lib/api.ts';
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
 * Every saved version with a field-by-field diff between any two, and the case's
 * timeline: versions and decisions in the order they happened.
 */
export const HistoryPage: Component<{ context: CaseContext }> = (props) => {
  const format = () => props.context.session.draft.format();
  const id = () => props.context.session.id;
  const [versions, { refetch }] = createResource(
    () => props.context.session.resource().currentVersion,
    () => api.versions(id()).then((page) => page.items),
  );
  const [decisions] = createResource(() => api.decisions(id()).then((page) => page.items));
  const [from, setFrom] = createSignal(0);
  const [to, setTo] = createSignal(0);
  createEffect(() => {
    const list = versions();
    if (!list?.length) return;
    const newest = Math.max(...list.map((v) => v.version));
    if (!to()) setTo(newest);
    if (!from()) setFrom(Math.max(1, newest - 1));
  });
  const [diff] = createResource(
    () => (from() && to() && from() !== to() ? { from: from(), to: to() } : null),
    (range) => api.diff(id(), range.from, range.to),
  );
  const timeline = (): TimelineEntry[] =>
    [
      ...(versions() ?? []).map((v) => ({
        at: v.createdAt,
        kind: 'version' as const,
        title: `Version ${v.version} saved`,
        by: v.createdBy,
        detail: v.message ?? '',
      })),
      ...(decisions() ?? []).map((d) => ({
        at: d.takenAt,
        kind: 'decision' as const,
        title: `Decision recorded`,
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
            <h3>Versions</h3>
            <table class="data-table compact" data-testid="versions">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Saved</th>
                  <th scope="col">By</th>
                  <th scope="col">Message</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                <For each={[...(versions() ?? [])].sort((a, b) => b.version - a.version)}>
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
              <For each={versions() ?? []}>
                {(v) => (
                  <option value={v.version} selected={v.version === from()}>
                    v{v.version}
                  </option>
                )}
              </For>
            </select>
            <label for="diff-to">to</label>
            <select id="diff-to" value={String(to())} onChange={(e) => setTo(Number(e.currentTarget.value))}>
              <For each={versions() ?? []}>
                {(v) => (
                  <option value={v.version} selected={v.version === to()}>
                    v{v.version}
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
