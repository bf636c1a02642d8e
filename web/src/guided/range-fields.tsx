import type { Component } from 'solid-js';
import type { RangeAnswer } from '../lib/guided-answers.ts';
import { GuidedNumber } from './guided-number.tsx';

/**
 * A 90 % range typed as its two ends ("low" and "high", labelled with the quantity so
 * each box reads on its own); equal ends mean the number is known.
 */
export const RangeFields: Component<{ label: string; value: RangeAnswer; onChange: (next: RangeAnswer) => void; unit?: string; hint?: string }> = (props) => (
  <fieldset class="guided-range">
    <legend>{props.label}</legend>
    <div class="field-grid">
      <GuidedNumber label={`${props.label}, low`} unit={props.unit} value={props.value.low} onChange={(low) => props.onChange({ ...props.value, low })} />
      <GuidedNumber label={`${props.label}, high`} unit={props.unit} value={props.value.high} onChange={(high) => props.onChange({ ...props.value, high })} />
    </div>
    <span class="field-hint">
      {props.hint ?? 'A 90 % range: 1 chance in 20 of being below the low end, 1 in 20 of being above the high end. Same number twice if it is known.'}
    </span>
  </fieldset>
);
