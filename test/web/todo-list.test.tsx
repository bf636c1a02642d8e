import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { caseTodo, type TodoItem } from '../../models/compile/case-todo.ts';
import { TodoList } from '../../web/src/components/todo-list.tsx';
import { minimalCase } from '../helpers/minimal-case.ts';

afterEach(cleanup);

describe('TodoList', () => {
  it('lists, in words, what a draft needs for a run and for the gate, and brings a field into view', () => {
    const { benefits: _benefits, ...draft } = minimalCase();
    const chosen: TodoItem[] = [];
    render(() => <TodoList todo={caseTodo(draft)} onSelect={(item) => chosen.push(item)} />);
    const run = screen.getByRole('heading', { name: 'Before it can run (1)' });
    expect(run).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Before the gate can recommend scaling (8)' })).toBeTruthy();
    const runList = document.querySelector('ul[data-blocks="run"]')!;
    expect(runList.textContent).toBe('Benefit lines: Add at least one benefit line: what the tool is worth each month /benefits');
    const gateItems = [...document.querySelectorAll('ul[data-blocks="gate"] li')].map((li) => li.querySelector('button')!.textContent);
    expect(gateItems).toEqual([
      'Baseline metrics',
      'Value hypothesis',
      'Measurement plan',
      'Decision criteria',
      'Integration plan',
      'Adoption plan',
      'Post-launch accountability',
      'Value-measurement approach',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Benefit lines' }));
    expect(chosen.map((item) => item.path)).toEqual(['/benefits']);
  });

  it("lists warnings by the line's label, month and operation", () => {
    const caseDocument = minimalCase({ benefits: [{ id: 'clerk', label: 'Clerk time', amount: 'benefitPerMonth / (month - 3)' }] });
    const warnings = [{ path: '/benefits/0/amount', message: "benefit 'Clerk time' is ∞ in month 3: division by zero" }];
    render(() => <TodoList todo={[]} warnings={warnings} document={caseDocument} />);
    expect(screen.getByRole('heading', { name: 'Warnings (1)' })).toBeTruthy();
    expect(document.querySelector('ul[data-blocks="warning"]')!.textContent).toBe(
      "Benefit 'Clerk time': amount: benefit 'Clerk time' is ∞ in month 3: division by zero /benefits/0/amount",
    );
  });

  it('shows nothing when nothing is left to do', () => {
    render(() => <TodoList todo={[]} />);
    expect(screen.queryByTestId('todo-list')).toBeNull();
  });
});
