import type { Component } from 'solid-js';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { GUIDED_LABELS as L } from '../lib/guided-steps.ts';
import { GuidedNumber } from './guided-number.tsx';
import type { StepProps } from './guided-state.ts';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'CAD', 'AUD', 'JPY', 'INR'];

/** Step 3: the money frame, with defaults a finance team accepts unless it says otherwise. */
export const EconomicsStep: Component<StepProps> = (props) => {
  const a = () => props.state.answers;
  return (
    <>
      <p class="section-description">The defaults suit most cases; your finance team may prescribe its own discount rate (hurdle rate).</p>
      <div class="field-grid">
        <SelectField
          label={L.currency}
          value={a().currency}
          options={CURRENCIES.map((code) => ({ value: code, label: code }))}
          onChange={(v) => props.state.set('currency', v)}
        />
        <TextField label={L.startDate} type="date" value={a().startDate} onChange={(v) => props.state.set('startDate', v)} hint="Month 1 of the case." />
        <GuidedNumber
          label={L.horizonMonths}
          unit="months"
          value={a().horizonMonths}
          onChange={(v) => props.state.set('horizonMonths', v)}
          hint="36 months is usual for AI tools."
        />
        <GuidedNumber
          label={L.discountRatePercent}
          unit="% a year"
          value={a().discountRatePercent}
          onChange={(v) => props.state.set('discountRatePercent', v)}
          hint="Applied monthly to future cash flows."
        />
      </div>
    </>
  );
};
