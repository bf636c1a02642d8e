import { For, type Component } from 'solid-js';
import { AdoptionSection } from '../editor/adoption-section.tsx';
import { BaselineSection } from '../editor/baseline-section.tsx';
import { BenefitsSection } from '../editor/benefits-section.tsx';
import { CorrelationsSection } from '../editor/correlations-section.tsx';
import { CostsSection } from '../editor/costs-section.tsx';
import { GovernanceSection } from '../editor/governance-section.tsx';
import { InputsSection } from '../editor/inputs-section.tsx';
import { LivePanel } from '../editor/live-panel.tsx';
import { OverviewSection } from '../editor/overview-section.tsx';
import { PilotSection } from '../editor/pilot-section.tsx';
import { ReadinessSection } from '../editor/readiness-section.tsx';
import { ScalingPlanSection } from '../editor/scaling-plan-section.tsx';
import { SimulationSection } from '../editor/simulation-section.tsx';
import { VariablesSection } from '../editor/variables-section.tsx';
import { VariantsSection } from '../editor/variants-section.tsx';
import type { CaseSession } from '../stores/case-session.ts';
import { TodoList } from '../components/todo-list.tsx';

const SECTIONS = [
  [
    'overview',
    'Case and ownership',
    ['/name', '/ownership', '/governance/accountability', '/currency', '/locale', '/startDate', '/horizonMonths', '/discountRateAnnual'],
  ],
  ['governance', 'Risk classification', ['/governance/intake', '/governance/euAiActCategory', '/governance/riskTier']],
  ['baseline', 'Baseline and hypothesis', ['/baseline', '/valueHypothesis', '/measurementPlan', '/decisionCriteria']],
  ['inputs', 'Inputs', ['/inputs']],
  ['variables', 'Variables', ['/variables']],
  ['correlations', 'Correlations', ['/correlations']],
  ['adoption', 'Adoption', ['/adoption']],
  ['benefits', 'Benefits', ['/benefits']],
  ['costs', 'Costs', ['/costs']],
  ['pilot', 'Pilot', ['/pilot']],
  ['scaling-plan', 'Scaling plan', ['/scalingPlan']],
  ['readiness', 'Readiness', ['/readiness']],
  ['simulation', 'Simulation', ['/simulation']],
  ['variants', 'Variants', ['/variants']],
] as const;

/** Scrolls to an editor section and focuses its heading. */
function focusSection(id: string): void {
  const target = document.getElementById(id);
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  target?.querySelector<HTMLElement>('h2')?.focus();
}

/** The same for the section that holds a JSON pointer (a to-do item's field). */
function showSection(pointer: string): void {
  const section = SECTIONS.find(([, , pointers]) => pointers.some((prefix) => pointer === prefix || pointer.startsWith(`${prefix}/`)));
  if (section) focusSection(section[0]);
}

/**
 * The case editor: every part of the case in order, each field checked by the engine's
 * own validation as it is typed, with live results re-simulated beside it.
 */
export const CaseEditorPage: Component<{ session: CaseSession }> = (props) => {
  const draft = () => props.session.draft;
  const problems = (pointers: readonly string[]) => pointers.reduce((sum, pointer) => sum + draft().validation().issues.under(pointer).length, 0);
  return (
    <div class="editor-layout">
      <nav class="section-nav" aria-label="Case sections">
        <ol>
          <For each={SECTIONS}>
            {([id, label, pointers]) => (
              <li>
                <a
                  href={`#${location.hash.split('#')[1]?.split('?')[0] ?? ''}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusSection(id);
                  }}
                >
                  {label}
                  {problems(pointers) > 0 ? (
                    <span class="badge badge-error">
                      {problems(pointers)}
                      <span class="visually-hidden"> problems</span>
                    </span>
                  ) : null}
                </a>
              </li>
            )}
          </For>
        </ol>
      </nav>
      <div class="editor-form">
        <TodoList
          todo={draft().validation().todo}
          warnings={draft().validation().warnings}
          document={draft().document}
          onSelect={(item) => showSection(item.path)}
        />
        <OverviewSection draft={draft()} />
        <GovernanceSection draft={draft()} />
        <BaselineSection draft={draft()} />
        <InputsSection draft={draft()} />
        <VariablesSection draft={draft()} />
        <CorrelationsSection draft={draft()} />
        <AdoptionSection draft={draft()} />
        <BenefitsSection draft={draft()} />
        <CostsSection draft={draft()} />
        <PilotSection draft={draft()} />
        <ScalingPlanSection draft={draft()} />
        <ReadinessSection draft={draft()} />
        <SimulationSection draft={draft()} />
        <VariantsSection draft={draft()} preview={props.session.preview} />
      </div>
      <LivePanel draft={draft()} preview={props.session.preview} />
    </div>
  );
};
