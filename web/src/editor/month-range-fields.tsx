import type { Component } from 'solid-js';
import { NumberField } from '../components/number-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';

/** Optional from/to months of a line, with the engine's horizon checks shown inline. */
export const MonthRangeFields: Component<{ draft: CaseDraft; base: string; from?: number; to?: number }> = (props) => {
  const issues = () => props.draft.validation().issues;
  return (
    <>
      <NumberField
        label="From month"
        optional
        unit="month"
        value={props.from}
        onChange={(v) => props.draft.update(`${props.base}/fromMonth`, v)}
        issues={issues().at(`${props.base}/fromMonth`)}
      />
      <NumberField
        label="To month"
        optional
        unit="month"
        value={props.to}
        onChange={(v) => props.draft.update(`${props.base}/toMonth`, v)}
        issues={issues().at(`${props.base}/toMonth`)}
      />
    </>
  );
};
