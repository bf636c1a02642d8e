import { createResource } from 'solid-js';
import type { GovernanceSettingsResource } from '../../../models/contract/governance-resources.ts';
import { governanceSettings } from '../lib/governance-api.ts';

/**
 * The organisation's governance settings, read once per page load and refreshed after an
 * admin saves. Null while loading or when the server cannot be read; the editor then
 * classifies with the built-in tiers and the server has the last word on save.
 */
const [settings, { refetch: refetchSettings, mutate: setSettings }] = createResource<GovernanceSettingsResource | null>(() =>
  governanceSettings().catch(() => null),
);

export { refetchSettings, setSettings, settings as governanceSettingsResource };
