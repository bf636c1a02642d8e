import { createResource, Show, Suspense, type Component } from 'solid-js';
import { ErrorNotice } from '../components/error-notice.tsx';
import { TemplateVersions } from '../governance/template-versions.tsx';
import { TierSettings } from '../governance/tier-settings.tsx';
import { governanceSettings, templateVersion, templateVersions } from '../lib/governance-api.ts';
import { setSettings } from '../stores/governance-settings.ts';
import { isAdmin, me } from '../stores/me-store.ts';
import '../styles/governance.css';

/**
 * Governance settings: the organisation's risk tiers and the path each sets, and the shared
 * readiness checklist's template versions. Admins edit; everyone else reads.
 */
export const GovernancePage: Component = () => {
  const [settings, { mutate }] = createResource(governanceSettings);
  const [versions, { refetch: refetchVersions }] = createResource(templateVersions);
  const [currentItems] = createResource(
    () => settings()?.currentTemplateVersion,
    async (version) => (await templateVersion(version)).items,
  );
  return (
    <main id="main" class="page governance-page" tabindex="-1">
      <div class="page-heading">
        <p class="breadcrumb">
          <a href="#/">Portfolio</a> ›
        </p>
        <h1>Governance settings</h1>
        <p class="muted">
          The risk tiers decide which cases move fast, which need added controls and which need formal approval; the checklist template is what every function
          signs off.{' '}
          <Show when={me() !== undefined && !isAdmin()}>
            <strong data-testid="read-only-note">You can read these settings; only an admin changes them.</strong>
          </Show>
        </p>
      </div>
      <Suspense fallback={<p class="page-loading">Loading the governance settings…</p>}>
        <Show when={settings.error || versions.error}>
          <ErrorNotice error={settings.error ?? versions.error} />
        </Show>
        <Show when={settings() && currentItems() && { settings: settings()!, items: currentItems()! }}>
          {(loaded) => (
            <TierSettings
              settings={loaded().settings}
              templateItems={loaded().items}
              admin={isAdmin()}
              onSaved={(saved) => {
                mutate(saved);
                setSettings(saved);
              }}
            />
          )}
        </Show>
        <Show when={versions()} keyed>
          {(loaded) => <TemplateVersions versions={loaded} admin={isAdmin()} onPublished={() => void refetchVersions()} />}
        </Show>
      </Suspense>
    </main>
  );
};
