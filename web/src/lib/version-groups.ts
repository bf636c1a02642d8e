import type { VersionItem } from './api-types.ts';

/** A case's versions as the history shows them. */
export interface VersionGroups {
  /** Named versions, newest first. */
  named: VersionItem[];
  /** Working versions (autosaves and unnamed saves), newest first. */
  working: VersionItem[];
  /** Every version, newest first (for the diff pickers). */
  all: VersionItem[];
}

const newestFirst = (a: VersionItem, b: VersionItem): number => b.version - a.version;

/**
 * Splits versions into named and working ones, each newest first.
 *
 * @example
 * groupVersions(items).named[0]?.message // 'sent to the CFO'
 */
export function groupVersions(items: VersionItem[]): VersionGroups {
  const all = [...items].sort(newestFirst);
  return { named: all.filter((v) => v.named), working: all.filter((v) => !v.named), all };
}

/**
 * The label of a version in a picker: `v7 · sent to the CFO`, or `v5 · working` for a working version.
 *
 * @example
 * versionLabel({ version: 7, named: true, message: 'sent to the CFO' }) // 'v7 · sent to the CFO'
 */
export function versionLabel(version: Pick<VersionItem, 'version' | 'named' | 'message'>): string {
  return `v${version.version} · ${version.named ? (version.message ?? 'named') : 'working'}`;
}

/**
 * The pair the diff opens on: the newest version against the newest named version before it,
 * else against the version before it; null with fewer than two versions.
 *
 * @example
 * defaultDiffPair(groupVersions(items)) // { from: 7, to: 12 }
 */
export function defaultDiffPair(groups: VersionGroups): { from: number; to: number } | null {
  const [newest, previous] = groups.all;
  if (!newest || !previous) return null;
  const named = groups.named.find((v) => v.version < newest.version);
  return { from: (named ?? previous).version, to: newest.version };
}
