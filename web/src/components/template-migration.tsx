import { createSignal, For, Show, type Component } from 'solid-js';
import type { TemplateDiffResource } from '../../../models/contract/governance-resources.ts';
import { governanceApi } from '../lib/case-governance-api.ts';
import { isEditor } from '../stores/me-store.ts';
import { ErrorNotice } from './error-notice.tsx';

const shown = (value: unknown): string => (value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Moves the case's checklist to a newer template version: first the item diff (added items,
 * changed definitions), then the migration, which keeps every status and signature.
 *
 * @example
 * <TemplateMigration caseId="c1" from={1} to={2} onMigrated={refresh} />
 */
export const TemplateMigration: Component<{ caseId: string; from: number; to: number; onMigrated: () => void }> = (props) => {
  const [diff, setDiff] = createSignal<TemplateDiffResource | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const attempt = async (action: () => Promise<void>): Promise<void> => {
    setFailure(null);
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const preview = () => attempt(async () => void setDiff(await governanceApi.migrationPreview(props.caseId, props.to)));
  const migrate = () =>
    attempt(async () => {
      await governanceApi.migrate(props.caseId, props.to);
      setDiff(null);
      props.onMigrated();
    });
  return (
    <div class="notice notice-warning template-migration" data-testid="template-migration">
      <p>
        The organisation’s checklist template is at version {props.to}; this case follows version {props.from}.{' '}
        <Show when={!diff()}>
          <button type="button" class="button-secondary" disabled={busy()} onClick={() => void preview()}>
            Show what changes
          </button>
        </Show>
      </p>
      <Show when={failure()}>
        <ErrorNotice error={failure()} />
      </Show>
      <Show when={diff()}>
        {(d) => (
          <div data-testid="template-diff">
            <p>
              From version {d().from} to {d().to}: {d().added.length} item{d().added.length === 1 ? '' : 's'} added, {d().changed.length} changed,{' '}
              {d().unchanged.length} unchanged. Statuses and signatures are kept; added items start as not met.
            </p>
            <Show when={d().added.length}>
              <h4>Added</h4>
              <ul>
                <For each={d().added}>
                  {(item) => (
                    <li>
                      <code>{item.id}</code> {item.item} ({item.function})
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={d().changed.length}>
              <h4>Changed</h4>
              <ul>
                <For each={d().changed}>
                  {(change) => (
                    <li>
                      <code>{change.id}</code>:{' '}
                      <For each={change.fields}>
                        {(field) => (
                          <span class="diff-field">
                            {field.field}: <del>{shown(field.before)}</del> → <ins>{shown(field.after)}</ins>{' '}
                          </span>
                        )}
                      </For>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={isEditor()}>
              <p class="button-row">
                <button type="button" class="button-primary" disabled={busy()} onClick={() => void migrate()}>
                  Migrate to version {d().to}
                </button>
                <button type="button" class="button-secondary" onClick={() => setDiff(null)}>
                  Not now
                </button>
              </p>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
};
