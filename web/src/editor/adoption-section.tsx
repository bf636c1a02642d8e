import { createMemo, type Component } from 'solid-js';
import { AdoptionPreviewChart } from '../charts/adoption-preview-chart.tsx';
import { EditorSection } from '../components/editor-section.tsx';
import { FormulaField } from '../components/formula-field.tsx';
import { adoptionPreview } from '../lib/adoption-curve.ts';
import type { CaseDraft } from '../stores/case-draft.ts';
import { formulaNames } from './formula-names.ts';

/** The logistic adoption curve: start month, months to half, ceiling; with its preview. */
export const AdoptionSection: Component<{ draft: CaseDraft }> = (props) => {
  const issues = () => props.draft.validation().issues;
  const preview = createMemo(() => {
    props.draft.revision();
    return adoptionPreview(props.draft.snapshot());
  });
  const field = (key: 'startMonth' | 'monthsToHalf' | 'ceiling', label: string, hint: string) => (
    <FormulaField
      label={label}
      value={props.draft.document.adoption?.[key]}
      pointer={`/adoption/${key}`}
      issues={issues()}
      names={formulaNames(props.draft.document)}
      hint={hint}
      onChange={(value) => props.draft.update(`/adoption/${key}`, value)}
    />
  );
  return (
    <EditorSection
      id="adoption"
      title="Adoption curve"
      problems={issues().under('/adoption').length}
      description="Benefits marked 'scale by adoption' are multiplied by this curve."
    >
      <div class="two-columns">
        <div>
          {field('startMonth', 'Start month', 'Month in which use begins; a number or an input name.')}
          {field('monthsToHalf', 'Months to half the ceiling', 'Months from the start to half of the long-run share.')}
          {field('ceiling', 'Ceiling (long-run share, 0–1)', 'Share of eligible work that will use the tool.')}
        </div>
        <AdoptionPreviewChart points={preview().points} note={preview().note} />
      </div>
    </EditorSection>
  );
};
