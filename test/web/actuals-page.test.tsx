import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActualsChange, RunResource } from '../../web/src/lib/api-types.ts';
import { ActualsPage } from '../../web/src/pages/actuals-page.tsx';
import type { CaseContext } from '../../web/src/stores/case-context.ts';
import { createCaseSession } from '../../web/src/stores/case-session.ts';
import { actualsCase, clerkTimeSeries, fakeApi, fakeRuns, json, report, RUN } from './actuals-fixtures.ts';

const disposers: (() => void)[] = [];

afterEach(() => {
  cleanup();
  for (const dispose of disposers.splice(0)) dispose();
  vi.unstubAllGlobals();
});

/** The page for the test case on 2027-03-15 (grid months 2027-01 to 2027-03), with or without a stored run. */
function renderPage(run: RunResource | null = RUN): ReturnType<typeof fakeRuns> {
  const runs = fakeRuns(run);
  const context = createRoot((dispose) => {
    disposers.push(dispose);
    return { session: createCaseSession(actualsCase(), '"v1"'), runs } satisfies CaseContext;
  });
  render(() => <ActualsPage context={context} today="2027-03-15" />);
  return runs;
}

const HISTORY: ActualsChange[] = [
  { month: '2027-01', series: 'benefit:clerk_time', value: 990, previousValue: null, note: null, changedBy: 'controller', changedAt: '2027-02-02T08:00:00Z' },
  { month: '2027-01', series: 'benefit:clerk_time', value: 1000, previousValue: 990, note: 'payroll', changedBy: 'cfo', changedAt: '2027-02-03T08:00:00Z' },
];

/** A run's report before any actual: fans, no scores, the original forecast only. */
const noActualsReport = () => {
  const original = report().updatedForecast!;
  return report({
    series: [{ ...clerkTimeSeries(), observations: [], coverage90: null, pitHistogram: [0, 0, 0, 0, 0], regate: { flagged: false, months: [] } }],
    regate: { flagged: false, reasons: [] },
    updatedForecast: {
      ...original,
      npv: { original: original.npv.original, updated: null },
      paybackMonth: { original: 14, updated: null },
      realisedToDate: null,
      effectiveSampleSize: null,
      message: 'No actuals yet: the forecast is the original one.',
    },
    durable: [],
  });
};

describe('Actuals page: entry', () => {
  it('posts only the changed cells of the grid, as one request of rows in month and column order', async () => {
    const server = fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: HISTORY }),
      'POST /api/cases/case-1/actuals': () => json(200, { accepted: 3, created: 2, updated: 1, unchanged: 0 }),
    });
    renderPage();
    const grid = await screen.findByTestId('actuals-grid');
    expect(
      within(grid)
        .getAllByRole('row')
        .map((row) => row.querySelector('th[scope=row]')?.textContent ?? null)
        .filter(Boolean),
    ).toEqual(['2027-01', '2027-02', '2027-03']);
    // The stored value (the newest change) is shown; typing the same number again is no change.
    const stored = screen.getByLabelText('Clerk-time, 2027-01') as HTMLInputElement;
    await waitFor(() => expect(stored.value).toBe('1000'));
    fireEvent.input(stored, { target: { value: '1,000' } });
    fireEvent.input(screen.getByLabelText('Adoption, 2027-02'), { target: { value: '45%' } });
    fireEvent.input(screen.getByLabelText('Clerk-time, 2027-02'), { target: { value: '1,234.5' } });
    fireEvent.input(screen.getByLabelText('Handle time, 2027-01'), { target: { value: '7.5' } });
    const save = screen.getByRole('button', { name: 'Save 3 changed values' });
    fireEvent.click(save);
    await screen.findByText('3 values saved: 2 new, 1 changed, 0 unchanged.');
    const posts = server.calls.filter((call) => call.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].contentType).toBe('application/json');
    expect(JSON.parse(posts[0].body!)).toEqual({
      rows: [
        { month: '2027-01', series: 'metric:handle_time', value: 7.5 },
        { month: '2027-02', series: 'benefit:clerk_time', value: 1234.5 },
        { month: '2027-02', series: 'adoption', value: 0.45 },
      ],
    });
  });

  it('refuses to save a cell that is not a number, naming the series and month', async () => {
    const server = fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
    });
    renderPage();
    fireEvent.input(await screen.findByLabelText('Net cash flow, 2027-03'), { target: { value: 'twelve' } });
    expect(screen.getByTestId('grid-invalid').textContent).toBe('Net cash flow, 2027-03: "twelve" is not a number.');
    expect((screen.getByRole('button', { name: /Save 0 changed values/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(server.calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('shows the API’s 422 for a grid save by series and month', async () => {
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
      'POST /api/cases/case-1/actuals': () =>
        json(422, { title: 'Some actuals are not valid', status: 422, errors: [{ row: 1, column: 'value', message: 'adoption must be between 0 and 1' }] }),
    });
    renderPage();
    fireEvent.input(await screen.findByLabelText('Clerk-time, 2027-01'), { target: { value: '900' } });
    fireEvent.input(screen.getByLabelText('Adoption, 2027-01'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 2 changed values' }));
    const errors = await screen.findByTestId('grid-save-errors');
    expect(errors.textContent).toBe('Adoption, 2027-01 (row 2, column "value"): adoption must be between 0 and 1');
  });

  it('posts pasted CSV as text/csv and shows each 422 error naming its row and column', async () => {
    const server = fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
      'POST /api/cases/case-1/actuals': () =>
        json(422, {
          title: 'Some actuals are not valid',
          status: 422,
          errors: [
            { row: 2, column: 'value', message: 'must be a number, not "n/a"' },
            { row: 3, column: 'series', message: 'no series "benefit:clerktime"; did you mean "benefit:clerk_time"?' },
          ],
        }),
    });
    renderPage();
    const csv = 'month,series,value,note\n2027-01,net,1200,\n2027-02,net,n/a,\n2027-03,benefit:clerktime,900,';
    fireEvent.input(await screen.findByLabelText('CSV text'), { target: { value: csv } });
    fireEvent.click(screen.getByRole('button', { name: 'Save CSV rows' }));
    const errors = await screen.findByTestId('csv-save-errors');
    expect([...errors.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Row 2, column "value": must be a number, not "n/a" (the row reads "2027-02,net,n/a,")',
      'Row 3, column "series": no series "benefit:clerktime"; did you mean "benefit:clerk_time"? (the row reads "2027-03,benefit:clerktime,900,")',
    ]);
    expect(screen.getByTestId('csv-save').textContent).toContain('Nothing was saved');
    const post = server.calls.find((call) => call.method === 'POST')!;
    expect(post.contentType).toBe('text/csv');
    expect(post.body).toBe(csv);
  });

  it('posts an uploaded .csv file as it is, and names a header problem as the header line', async () => {
    const server = fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
      'POST /api/cases/case-1/actuals': () =>
        json(422, {
          title: 'Some actuals are not valid',
          status: 422,
          errors: [{ row: 0, column: 'header', message: 'the header must be month,series,value[,note], got when,what' }],
        }),
    });
    renderPage();
    const csv = 'when,what\n2027-01,net';
    const input = (await screen.findByLabelText('Upload a .csv file')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([csv], 'actuals.csv', { type: 'text/csv' })] } });
    const errors = await screen.findByTestId('csv-save-errors');
    expect(errors.textContent).toBe('The header line: the header must be month,series,value[,note], got when,what');
    expect(server.calls.find((call) => call.method === 'POST')?.body).toBe(csv);
    expect((screen.getByLabelText('CSV text') as HTMLTextAreaElement).value).toBe(csv);
    expect(within(screen.getByTestId('series-names')).getByText('benefit:clerk_time')).toBeTruthy();
  });

  it('lists who changed what, newest first', async () => {
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: HISTORY }),
    });
    renderPage();
    const history = await screen.findByTestId('actuals-history');
    await waitFor(() => expect(history.querySelector('summary')?.textContent).toBe('Who changed what (2 changes)'));
    const items = [...history.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/^Clerk-time, 2027-01: changed from €990 to €1,000 by cfo on .* — “payroll”$/);
    expect(items[1]).toMatch(/^Clerk-time, 2027-01: entered €990 by controller on /);
  });
});

describe('Actuals page: scoring, updated forecast and re-gate', () => {
  it('states the re-gate flag in words and shows the scores of each actual', async () => {
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, report()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
    });
    renderPage();
    const flag = await screen.findByTestId('regate-flag');
    expect(flag.textContent).toBe('⚠ Clerk-time benefit was below P10 in 2027-05 and 2027-06: re-gate');
    const series = screen.getByTestId('series-benefit:clerk_time');
    const may = within(series).getByRole('row', { name: /^2027-05/ });
    expect([...may.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['€800', 'P2', '€170', '€1,000', 'No']);
    expect(series.textContent).toContain('67% of actuals inside P5–P95');
    expect(within(series).getByTestId('pit-histogram').getAttribute('aria-label')).toBe(
      'Where the actuals fell in the forecast: 0–20: 2, 20–40: 0, 40–60: 4, 60–80: 0, 80–100: 0',
    );
    expect(screen.getByTestId('durable-list').textContent).toContain('Handle time: durable change — the last 6 months were all below the 8 min baseline');
  });

  it('shows original against updated NPV, and re-runs the gate naming the actuals that moved it', async () => {
    const server = fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, report()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
      'POST /api/cases/case-1/actuals/regate': () =>
        json(200, {
          runId: RUN.id,
          caseVersion: 1,
          original: { recommendation: 'scale', headline: 'Scale: P(NPV > 0) is 82 %.' },
          updated: { recommendation: 'redesign', headline: 'Redesign: P(NPV > 0) is 64 %.' },
          changed: true,
          effectiveSampleSize: 1234,
          movedBy: [
            { series: 'benefit:clerk_time', month: '2027-06', value: 780, pit: 0.02, shiftInProbabilityPositive: -0.123, shiftInMedianNpv: -30_000 },
            { series: 'benefit:clerk_time', month: '2027-05', value: 800, pit: 0.02, shiftInProbabilityPositive: -0.1, shiftInMedianNpv: -25_500 },
          ],
        }),
    });
    renderPage();
    const forecast = await screen.findByTestId('updated-forecast');
    expect([...within(forecast).getByTestId('npv-p50').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['€50,000', '€20,000']);
    expect([...within(forecast).getByTestId('npv-positive').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['82%', '64%']);
    expect([...within(forecast).getByTestId('payback').querySelectorAll('td')].map((td) => td.textContent)).toEqual(['14 months', '22 months']);
    expect(within(forecast).getByTestId('realised-to-date').textContent).toBe('€5,585');
    expect(within(forecast).getByTestId('effective-sample-size').textContent).toBe('1,234 trials of 10,000');
    expect(screen.queryByTestId('low-ess')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Re-run the gate on the updated forecast' }));
    const result = await screen.findByTestId('regate-result');
    expect(result.textContent).toContain('On the updated forecast the gate recommends ↻ Redesign (on the original forecast: ▲ Scale).');
    expect(result.textContent).toContain('Redesign: P(NPV > 0) is 64 %.');
    expect([...within(result).getByTestId('moved-by').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Clerk-time, 2027-06 (actual €780): P(NPV > 0) -12.3 points, median NPV -€30,000',
      'Clerk-time, 2027-05 (actual €800): P(NPV > 0) -10.0 points, median NPV -€25,500',
    ]);
    expect(server.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/api/cases/case-1/actuals/regate']);
  });

  it('with an effective sample size under 500 says so and offers a larger run', async () => {
    const low = report();
    low.updatedForecast = {
      ...low.updatedForecast!,
      effectiveSampleSize: 212,
      lowEss: true,
      message: 'Only 212 effective trials fit the actuals: run a larger forecast.',
    };
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, low),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
    });
    const runs = renderPage();
    const notice = await screen.findByTestId('low-ess');
    expect(notice.textContent).toContain('Only 212 effective trials fit the actuals: run a larger forecast.');
    fireEvent.click(within(notice).getByRole('button', { name: 'Run a larger forecast (20,480 trials)' }));
    await waitFor(() => expect(runs.started).toEqual([{ trials: 20_480, seed: 42, sampling: 'lhs' }]));
  });
});

describe('Actuals page: a larger run that would not help', () => {
  it('offers no larger run when the update already uses the most trials it keeps', async () => {
    const low = report();
    low.updatedForecast = {
      ...low.updatedForecast,
      effectiveSampleSize: 90,
      storedTrials: 20_480,
      lowEss: true,
      message: 'The update rests on an effective 90 of 20480 trials.',
    };
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, low),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
    });
    renderPage({ ...RUN, trials: 100_000 });
    const notice = await screen.findByTestId('low-ess');
    expect(notice.textContent).toContain('The update already uses as many trials as it can keep');
    expect(within(notice).queryByRole('button')).toBeNull();
  });
});

describe('Actuals page: no run, no actuals', () => {
  it('with no stored run says "Run the case first", offers the run, and still takes actuals', async () => {
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(409, { title: 'No forecast to score against', status: 409, detail: 'run the case first' }),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
    });
    const runs = renderPage(null);
    const first = await screen.findByTestId('run-first');
    expect(first.textContent).toContain('Run the case first.');
    fireEvent.click(within(first).getByRole('button', { name: 'Run the case on the server' }));
    await waitFor(() => expect(runs.started).toEqual([{ trials: 10_000, seed: undefined, sampling: undefined }]));
    expect(screen.getByTestId('actuals-grid')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('with a run and no actuals shows the forecasts and asks for actuals', async () => {
    fakeApi({
      'GET /api/cases/case-1/actuals': () => json(200, noActualsReport()),
      'GET /api/cases/case-1/actuals/history': () => json(200, { changes: [] }),
    });
    renderPage();
    const empty = await screen.findByTestId('updated-forecast-empty');
    expect(empty.textContent).toContain('Enter actuals to see the NPV');
    expect(empty.textContent).toContain('No actuals yet: the forecast is the original one.');
    expect(screen.queryByTestId('run-first')).toBeNull();
    expect(screen.getByText(/No series has been outside/)).toBeTruthy();
  });
});
