import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { DiffTable } from '../../web/src/components/diff-table.tsx';
import { ErrorNotice } from '../../web/src/components/error-notice.tsx';
import { ImportCase } from '../../web/src/components/import-case.tsx';
import { ApiError } from '../../web/src/lib/api.ts';
import { describeIssue, issueText } from '../../web/src/lib/case-issues.ts';
import { fieldLabel } from '../../web/src/lib/field-labels.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

afterEach(cleanup);

const doc = minimalCase({
  costs: [{ id: 'build', label: 'Integration build', category: 'integration', kind: 'oneTime', month: 1, amount: 'setupCost' }],
  inputs: { clerkTime: { label: 'Clerk time', unit: 'hours', source: 'time study', distribution: { type: 'lognormal', p5: 5, p95: 10 } } },
  correlations: {
    inputs: ['clerkTime', 'runCost'],
    matrix: [
      [1, 0.3],
      [0.3, 1],
    ],
  },
  pilot: { durationMonths: 3, scopeShare: 0.1, costs: [{ label: 'Sandbox licence', category: 'infrastructure', amount: 900 }] },
  readiness: { governanceRisk: [{ item: 'DPIA signed off', status: 'notMet' }] },
});

describe('fieldLabel: a JSON pointer in the editor’s words, lines by their label', () => {
  it.each([
    ['/baseline/metrics', 'Baseline › Metrics'],
    ['/costs/0/amount', "Cost 'Integration build' › Amount"],
    ['/inputs/clerkTime/source', "Input 'Clerk time' › Source"],
    ['/inputs/clerkTime/distribution/p95', "Input 'Clerk time' › Distribution › High end (95th percentile)"],
    ['/inputs/unknownOne/unit', "Input 'unknownOne' › Unit"],
    ['/benefits/0/amount', "Benefit 'Flat benefit' › Gross amount per month"],
    ['/benefits/4/amount', 'Benefit 5 › Gross amount per month'],
    ['/ownership/sponsor', 'Ownership › Sponsor'],
    ['/horizonMonths', 'Horizon'],
    ['/pilot/costs/0/amount', "Pilot › Pilot cost 'Sandbox licence' › Amount"],
    ['/readiness/governanceRisk/0/status', "Readiness › Governance & risk › Item 'DPIA signed off' › Status"],
    ['/correlations/matrix/0/1', 'Correlations › clerkTime with runCost'],
    ['/valueHypothesis/expectedChanges/1/expected', 'Value hypothesis › Expected change 2 › Expected value'],
    ['/somethingNew/innerKey', 'Something new › Inner key'],
    ['', 'The case'],
  ])('%s → %s', (pointer, label) => {
    expect(fieldLabel(doc, pointer)).toBe(label);
  });

  it('decodes escaped pointer keys', () => {
    expect(fieldLabel({ inputs: { 'a/b': { label: 'Odd name' } } }, '/inputs/a~1b/unit')).toBe("Input 'Odd name' › Unit");
  });
});

describe('issue messages name the field and say what to do', () => {
  it('turns the engine’s terse messages into sentences after the label', () => {
    expect(issueText({ path: '/horizonMonths', message: 'is required (number)' }, 'Horizon')).toBe('Horizon is required: enter a number');
    expect(issueText({ path: '/ownership/sponsor', message: 'must not be empty' }, 'Sponsor')).toBe('Sponsor must not be empty: fill it in');
    expect(issueText({ path: '/horizonMonths', message: 'must be at most 240' }, 'Horizon')).toBe('Horizon must be at most 240');
    expect(issueText({ path: '/x', message: 'unknown name "a"', hint: 'ab' }, 'Amount')).toBe('Amount: unknown name "a" — did you mean "ab"?');
    expect(issueText({ path: '/x', message: 'unknown name "a"', hint: 'ab' })).toBe('unknown name "a" — did you mean "ab"?');
  });

  it('describes an issue of a document with its label, the sentence and the pointer as a detail', () => {
    expect(describeIssue({ formatVersion: 1, name: 'x' }, { path: '/baseline/metrics', message: 'is required (array)' })).toEqual({
      label: 'Baseline › Metrics',
      text: 'Baseline › Metrics is required: add at least one',
      pointer: '/baseline/metrics',
    });
    expect(describeIssue(doc, { path: '/costs/0/amount', message: 'unknown name "setupCots"', hint: 'setupCost' }).text).toBe(
      `Cost 'Integration build' › Amount: unknown name "setupCots" — did you mean "setupCost"?`,
    );
  });
});

describe('the version diff and the import name fields by label', () => {
  it('shows the label, with the pointer as a detail, and names a removed line from the older document', () => {
    const after = minimalCase({ costs: [] });
    render(() => (
      <DiffTable
        before={doc}
        after={after}
        changes={[
          { path: '/costs/0', kind: 'removed', before: doc.costs[0] },
          { path: '/horizonMonths', kind: 'changed', before: 36, after: 48 },
        ]}
      />
    ));
    const rows = screen.getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows[0].cells[0].textContent).toBe("Cost 'Integration build'/costs/0");
    expect(rows[0].cells[0].getAttribute('title')).toBe('/costs/0');
    expect(rows[1].cells[0].firstChild?.textContent).toBe('Horizon');
  });

  it('lists an imported file’s problems by label and what to do', async () => {
    render(() => <ImportCase />);
    const file = new File([JSON.stringify({ formatVersion: 1, name: 'Invoice matching', ownership: { sponsor: '' } })], 'draft.json', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByLabelText('Import a case file (.json)'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('nothing was imported'));
    const items = [...screen.getByRole('alert').querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toContain('Ownership › Sponsor must not be empty: fill it in /ownership/sponsor');
    // A missing horizon is not an import error: a draft imports and lists it on its to-do list.
    expect(items.some((item) => item?.startsWith('Horizon'))).toBe(false);
    expect(items.join('\n')).not.toMatch(/^\/\S+ is required/m);
  });

  it("names the fields of a server's 422 by label, the pointer as a detail", () => {
    const error = new ApiError(422, {
      type: 'about:blank',
      title: 'Invalid case',
      status: 422,
      errors: [{ path: '/ownership/sponsor', message: 'must not be empty' }],
    } as never);
    render(() => <ErrorNotice error={error} />);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toBe('Ownership › Sponsor must not be empty: fill it in/ownership/sponsor');
    expect(item.getAttribute('title')).toBe('/ownership/sponsor');
  });
});
