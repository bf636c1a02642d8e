import type { Component } from 'solid-js';
import { EditorSection } from '../components/editor-section.tsx';
import { NumberField } from '../components/number-field.tsx';
import { TextField } from '../components/text-field.tsx';
import type { CaseDraft } from '../stores/case-draft.ts';
import { AccountabilityFields } from './accountability-fields.tsx';

/** Name, ownership (with the accountability model), currency, locale, dates, horizon and discount rate. */
export const OverviewSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const warningsAt = (path: string) => props.draft.validation().warnings.filter((warning) => warning.path === path);
  const d = () => props.draft.document;
  const set = (pointer: string) => (value: unknown) => props.draft.update(pointer, value === '' ? undefined : value);
  return (
    <EditorSection
      id="overview"
      title="Case and ownership"
      problems={issues().under('/name').length + issues().under('/ownership').length + issues().under('/currency').length}
    >
      <div class="field-grid">
        <TextField class="span-2" label="Case name" value={d().name} onChange={(v) => props.draft.update('/name', v)} issues={issues().at('/name')} />
        <TextField class="span-2" label="Description" multiline optional value={d().description} onChange={set('/description')} />
        <TextField
          label="Business owner (accountable for the process outcome)"
          value={d().ownership?.businessOwner}
          onChange={set('/ownership/businessOwner')}
          issues={[...issues().at('/ownership/businessOwner'), ...warningsAt('/ownership/businessOwner')]}
          hint="Not the sponsor: the person who answers for the process after launch."
        />
        <TextField
          label="Sponsor (funds the change)"
          value={d().ownership?.sponsor}
          onChange={(v) => props.draft.update('/ownership/sponsor', v)}
          issues={issues().at('/ownership/sponsor')}
        />
        <AccountabilityFields draft={props.draft} />
        <TextField label="Prepared by" optional value={d().ownership?.preparedBy} onChange={set('/ownership/preparedBy')} />
        <TextField
          label="Currency (ISO 4217)"
          value={d().currency}
          onChange={(v) => props.draft.update('/currency', v.toUpperCase())}
          issues={issues().at('/currency')}
          hint="e.g. EUR, USD, GBP"
        />
        <TextField
          label="Locale for figures"
          optional
          value={d().locale}
          onChange={set('/locale')}
          issues={issues().at('/locale')}
          hint="e.g. de-DE, en-US; decides separators and date format"
        />
        <TextField
          label="Start date"
          type="date"
          value={d().startDate}
          onChange={(v) => props.draft.update('/startDate', v)}
          issues={issues().at('/startDate')}
        />
        <NumberField
          label="Horizon"
          unit="months"
          value={d().horizonMonths}
          onChange={(v) => props.draft.update('/horizonMonths', v)}
          issues={issues().at('/horizonMonths')}
        />
        <NumberField
          label="Discount rate"
          unit="per year (0.08 = 8%)"
          value={d().discountRateAnnual}
          onChange={(v) => props.draft.update('/discountRateAnnual', v)}
          issues={issues().at('/discountRateAnnual')}
        />
      </div>
    </EditorSection>
  );
};
