import type { Component } from 'solid-js';

const LABELS: Record<string, string> = {
  met: 'Met',
  partly: 'Partly met',
  notMet: 'Not met',
  notStarted: 'Not started',
  scale: 'Scale',
  redesign: 'Redesign',
  stop: 'Stop',
  keepAsResearch: 'Keep as research',
  succeeded: 'Succeeded',
  running: 'Running',
  queued: 'Queued',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const ICONS: Record<string, string> = {
  met: '✓',
  partly: '◐',
  notMet: '✗',
  notStarted: '○',
  scale: '▲',
  redesign: '↻',
  stop: '■',
  keepAsResearch: '◇',
  succeeded: '✓',
  failed: '✗',
  running: '…',
  queued: '…',
  cancelled: '■',
};

/** A status with an icon and a word as well as a colour, so it reads in greyscale too. */
export const StatusBadge: Component<{ status: string | null | undefined; label?: string }> = (props) => (
  <span class={`status status-${props.status ?? 'none'}`}>
    <span aria-hidden="true">{ICONS[props.status ?? ''] ?? '–'}</span> {props.label ?? LABELS[props.status ?? ''] ?? (props.status || 'None')}
  </span>
);

/** The label of a decision or recommendation. */
export function decisionLabel(decision: string | null | undefined): string {
  return decision ? (LABELS[decision] ?? decision) : '—';
}
