import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import type { Intake } from '../../models/case/governance-schema.ts';
import type {
  ApprovalsResource,
  CaseChecklistResource,
  ChecklistChangeResource,
  RegistryEntry,
  TemplateDiffResource,
} from '../../models/contract/governance-resources.ts';
import { DEFAULT_TEMPLATE_ITEMS } from '../../models/governance/default-template.ts';
import { buildTestApp, describeEachStorage, type TestApp } from '../helpers/test-app.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import { FULL_ACCOUNTABILITY, LOW_INTAKE } from '../governance/governance-fixtures.ts';

const DAY = 86_400_000;
/** The service's clock runs 200 days ahead of the database's now(): pilots created today have drifted. */
const LATER = () => new Date(Date.now() + 200 * DAY);

const governed = (name: string, intake: Intake, extra: Partial<CaseInput> = {}): CaseInput => ({
  ...minimalCase({ name }),
  baseline: { metrics: [{ id: 'handleTime', label: 'Handle time', value: 10, unit: 'minutes', source: 'time study' }] },
  governance: { intake, accountability: FULL_ACCOUNTABILITY },
  ...extra,
});

describeEachStorage('governance API on %s', (storage) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string, method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${tokens[who]}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const create = async (document: CaseInput): Promise<string> => {
    const created = await t.call('POST', '/api/cases', { body: document, role: 'editor' });
    expect(created.status).toBe(201);
    return ((await created.json()) as { id: string }).id;
  };
  const run = async (caseId: string): Promise<string> => {
    const response = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 200, seed: 1 }, role: 'editor' });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    t = await buildTestApp(storage, {}, LATER);
    for (const [key, role, person, functions] of [
      ['data', 'editor', 'Dana Data', ['data']],
      ['legal', 'viewer', 'Lea Legal', ['legal']],
      ['owner', 'editor', 'Head of Service', ['business']],
    ] as const) {
      const issued = await t.call('POST', '/api/tokens', { body: { name: key, role, person, functions }, role: 'admin' });
      expect(issued.status).toBe(201);
      tokens[key] = ((await issued.json()) as { token: string }).token;
    }
    tokens.approver = t.tokens.approver;
    tokens.admin = t.tokens.admin;
  }, 60_000);
  afterAll(() => t?.close());

  it('classifies an intake: the contact-center pattern is a transparency case of the medium tier, with the answers behind it', async () => {
    const intake = { ...LOW_INTAKE, decisions: ['customerService'], affected: ['customers', 'employees'], personalData: 'personal', generatesContent: true };
    const response = await t.call('POST', '/api/governance/classify', { body: { intake }, role: 'viewer' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      euAiActCategory: {
        value: 'transparency',
        article: 'Art. 50(2)/(4) (mark or disclose AI-generated content)',
        because: ['generatesContent: yes', 'affected: customers'],
      },
      riskTier: { value: 'medium', label: 'Medium', because: ['personalData: personal'] },
    });
    const missing = await t.call('POST', '/api/governance/classify', { body: { intake: { ...LOW_INTAKE, autonomy: undefined } }, role: 'viewer' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('/intake/autonomy');
    const override = await t.call('POST', '/api/cases', {
      body: governed('Unreasoned tier', LOW_INTAKE, { governance: { intake: LOW_INTAKE, riskTier: { value: 'high' } } }),
      role: 'editor',
    });
    expect(override.status).toBe(422);
    expect(await override.text()).toContain('/governance/riskTier/overrideReason');
  });

  it('lets only the item’s function or an admin sign off, needs evidence for met and a reason for not applicable, and keeps every change', async () => {
    const caseId = await create(governed('Sign-off case', LOW_INTAKE));
    const started = await t.call('POST', `/api/cases/${caseId}/checklist`, { role: 'editor' });
    expect(started.status).toBe(201);
    const checklist = (await started.json()) as CaseChecklistResource;
    expect(checklist).toMatchObject({ templateVersion: 1, pinnedTemplateVersion: 1 });
    expect(checklist.items).toHaveLength(DEFAULT_TEMPLATE_ITEMS.length);
    const status = (who: string, item: string, body: unknown) => as(who, 'POST', `/api/cases/${caseId}/checklist/items/${item}/status`, body);

    const wrongFunction = await status('data', 'gr-ai-disclosure', { status: 'met', evidence: { text: 'footer' } });
    expect(wrongFunction.status).toBe(403);
    expect(((await wrongFunction.json()) as { detail: string }).detail).toContain('belongs to the Legal function (legal); your token carries Data');
    const noEvidence = await status('legal', 'gr-ai-disclosure', { status: 'met' });
    expect(noEvidence.status).toBe(422);
    expect(await noEvidence.text()).toContain('/evidence');
    const signed = await status('legal', 'gr-ai-disclosure', { status: 'met', evidence: { text: 'Footer on every reply', link: 'https://wiki/disclosure' } });
    expect(signed.status).toBe(200);
    const { item, change } = (await signed.json()) as { item: { signedBy: string; signedAs: string }; change: ChecklistChangeResource };
    expect(item).toMatchObject({ signedBy: 'Lea Legal', signedAs: 'function' });
    expect(change).toMatchObject({ itemId: 'gr-ai-disclosure', from: 'notMet', to: 'met', changedBy: 'Lea Legal', signedAs: 'function', function: 'legal' });

    const noReason = await status('data', 'pd-provenance', { status: 'notApplicable' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain('/reason');
    expect((await status('data', 'pd-provenance', { status: 'notApplicable', reason: 'no training data: a vendor model used as is' })).status).toBe(200);
    const byAdmin = await status('admin', 'wi-security', { status: 'partly', evidence: { text: 'pen test booked' } });
    expect(((await byAdmin.json()) as { change: ChecklistChangeResource }).change.signedAs).toBe('admin');

    const read = (await (await t.call('GET', `/api/cases/${caseId}/checklist`, { role: 'viewer' })).json()) as CaseChecklistResource;
    expect(read.history.map((entry) => [entry.itemId, entry.from, entry.to, entry.signedAs])).toEqual([
      ['gr-ai-disclosure', 'notMet', 'met', 'function'],
      ['pd-provenance', 'notMet', 'notApplicable', 'function'],
      ['wi-security', 'notMet', 'partly', 'admin'],
    ]);
    await expect(t.services.db.query('DELETE FROM checklist_changes')).rejects.toThrow(/append-only/);

    // A document save can neither delete a template item nor set a status.
    const current = await t.call('GET', `/api/cases/${caseId}`, { role: 'viewer' });
    const document = ((await current.json()) as { document: CaseInput }).document;
    const items = document.governance!.checklist!.items;
    const put = (doc: unknown) => t.call('PUT', `/api/cases/${caseId}`, { body: doc, role: 'editor', headers: { 'If-Match': current.headers.get('ETag')! } });
    const removed = await put({
      ...document,
      governance: { ...document.governance, checklist: { templateVersion: 1, items: items.filter((entry) => entry.id !== 'gr-third-party') } },
    });
    expect(removed.status).toBe(422);
    expect(await removed.text()).toContain('gr-third-party: template items are never deleted');
    const flipped = items.map((entry) => (entry.id === 'vm-baseline' ? { ...entry, status: 'met', evidence: { text: 'trust me' } } : entry));
    const statusEdit = await put({ ...document, governance: { ...document.governance, checklist: { templateVersion: 1, items: flipped } } });
    expect(statusEdit.status).toBe(422);
    expect(await statusEdit.text()).toContain('vm-baseline.status is set through POST');

    // A case adds its own item; unlike template items, it may be removed again.
    const added = await t.call('POST', `/api/cases/${caseId}/checklist/items`, {
      body: { gate: 'workflowIntegration', item: 'Telephony vendor confirms the API quota', function: 'it' },
      role: 'editor',
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ id: 'case-1', source: 'case', status: 'notMet' });
    const withItem = await t.call('GET', `/api/cases/${caseId}`, { role: 'viewer' });
    const withItemDoc = ((await withItem.json()) as { document: CaseInput }).document;
    const dropped = {
      ...withItemDoc,
      governance: {
        ...withItemDoc.governance,
        checklist: { templateVersion: 1, items: withItemDoc.governance!.checklist!.items.filter((entry) => entry.id !== 'case-1') },
      },
    };
    expect(
      (await t.call('PUT', `/api/cases/${caseId}`, { body: dropped, role: 'editor', headers: { 'If-Match': withItem.headers.get('ETag')! } })).status,
    ).toBe(200);
  });

  it('versions the template: removing an item is refused, the diff and a case’s migration show what changes, signatures stay', async () => {
    const caseId = await create(governed('Migrating case', LOW_INTAKE));
    await t.call('POST', `/api/cases/${caseId}/checklist`, { role: 'editor' });
    await as('legal', 'POST', `/api/cases/${caseId}/checklist/items/gr-third-party/status`, { status: 'met', evidence: { text: 'contract review 2026-11' } });
    const removing = await t.call('POST', '/api/governance/checklist-templates', { body: { items: DEFAULT_TEMPLATE_ITEMS.slice(1) }, role: 'admin' });
    expect(removing.status).toBe(422);
    expect(await removing.text()).toContain('template items are never deleted: bo-outcome-owner');
    const modelCard = {
      id: 'gr-model-card',
      gate: 'governanceRisk',
      item: 'A model card is published',
      function: 'data',
      references: { nistAiRmf: ['MAP 2.2'], iso42001: ['A.6.2.7'] },
    };
    const v2Items = [
      ...DEFAULT_TEMPLATE_ITEMS.map((entry) => (entry.id === 'gr-third-party' ? { ...entry, item: 'Third-party terms reviewed, incl. exit' } : entry)),
      modelCard,
    ];
    expect((await t.call('POST', '/api/governance/checklist-templates', { body: { items: v2Items, note: 'model card' }, role: 'editor' })).status).toBe(403);
    const saved = await t.call('POST', '/api/governance/checklist-templates', { body: { items: v2Items, note: 'model card' }, role: 'admin' });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as { version: number }).version).toBe(2);

    const diff = (await (await t.call('GET', '/api/governance/checklist-templates/diff?from=1&to=2', { role: 'viewer' })).json()) as TemplateDiffResource;
    expect(diff.added.map((entry) => entry.id)).toEqual(['gr-model-card']);
    expect(diff.changed).toEqual([
      { id: 'gr-third-party', fields: [{ field: 'item', before: DEFAULT_TEMPLATE_ITEMS.at(-1)!.item, after: 'Third-party terms reviewed, incl. exit' }] },
    ]);
    expect(diff.unchanged).toHaveLength(DEFAULT_TEMPLATE_ITEMS.length - 1);
    const preview = (await (await t.call('GET', `/api/cases/${caseId}/checklist/migration`, { role: 'viewer' })).json()) as TemplateDiffResource;
    expect(preview).toEqual(diff);

    const migrated = await t.call('POST', `/api/cases/${caseId}/checklist/migration`, { body: { toVersion: 2 }, role: 'editor' });
    expect(migrated.status).toBe(200);
    const { checklist } = (await migrated.json()) as { checklist: CaseChecklistResource };
    expect(checklist.templateVersion).toBe(2);
    expect(checklist.items.find((entry) => entry.id === 'gr-third-party')).toMatchObject({
      item: 'Third-party terms reviewed, incl. exit',
      status: 'met',
      signedBy: 'Lea Legal',
    });
    expect(checklist.items.find((entry) => entry.id === 'gr-model-card')).toMatchObject({ status: 'notMet', source: 'template' });
    expect((await t.call('POST', `/api/cases/${caseId}/checklist/migration`, { body: { toVersion: 2 }, role: 'editor' })).status).toBe(409);
    // A case created now is pinned to version 2.
    const later = await create(governed('Created after v2', LOW_INTAKE));
    expect(((await (await t.call('GET', `/api/cases/${later}/checklist`, { role: 'viewer' })).json()) as CaseChecklistResource).pinnedTemplateVersion).toBe(2);
  });

  it('refuses a scale decision until the tier’s approvals are in, each by a different person; the decided case joins the registry', async () => {
    const name = '=Finance anomaly, medium tier';
    const caseId = await create(governed(name, { ...LOW_INTAKE, decisions: ['financial'] }));
    const runId = await run(caseId);
    const decide = () =>
      t.call('POST', `/api/cases/${caseId}/decisions`, { body: { decision: 'scale', rationale: 'board approved', runId }, role: 'approver' });
    const refused = await decide();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain(
      'missing approvals for a scale decision of this Medium-tier case: business owner (Head of Service), an approver',
    );

    const approve = (who: string, role: string) => as(who, 'POST', `/api/cases/${caseId}/approvals`, { runId, role });
    expect((await approve('data', 'businessOwner')).status).toBe(403);
    expect((await approve('data', 'approver')).status).toBe(403);
    expect((await approve('owner', 'businessOwner')).status).toBe(201);
    const twice = await approve('owner', 'sponsor');
    expect(twice.status).toBe(403);
    const pending = (await (await t.call('GET', `/api/cases/${caseId}/approvals?runId=${runId}`, { role: 'viewer' })).json()) as ApprovalsResource;
    expect(pending).toMatchObject({ riskTier: 'medium', required: ['businessOwner', 'approver'], missing: ['approver'] });
    expect(((await decide().then((r) => r.json())) as { detail: string }).detail).toContain('missing approvals');
    expect((await approve('approver', 'approver')).status).toBe(201);
    expect((await approve('approver', 'approver')).status).toBe(409);

    const decided = await decide();
    expect(decided.status).toBe(201);
    expect(((await decided.json()) as { approvals: { role: string }[] }).approvals.map((a) => a.role)).toEqual(['businessOwner', 'approver']);

    const registry = (await (await t.call('GET', '/api/registry', { role: 'viewer' })).json()) as { items: RegistryEntry[] };
    const entry = registry.items.find((row) => row.caseId === caseId)!;
    expect(entry).toMatchObject({
      name,
      businessOwner: 'Head of Service',
      monitoringOwner: 'Mona Monitor',
      riskTier: 'medium',
      euAiActCategory: 'minimal',
      reviewEveryMonths: 3,
    });
    const goLive = new Date(`${entry.goLiveDate}T00:00:00Z`);
    expect(entry.nextReviewDate > entry.goLiveDate).toBe(true);
    expect(new Date(`${entry.nextReviewDate}T00:00:00Z`).getUTCMonth()).toBe((goLive.getUTCMonth() + 3) % 12);
    const csv = await t.call('GET', '/api/registry?format=csv', { role: 'viewer' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'caseId,name,businessOwner,monitoringOwner,riskTier,euAiActCategory,goLiveDate,nextReviewDate,reviewEveryMonths,decisionId,caseLink,decisionLink',
    );
    expect(lines.find((line) => line.startsWith(caseId))).toContain(`"'=Finance anomaly, medium tier"`);

    // Scaled 200 days before the service's clock: its 3-monthly review is due.
    const listed = (await (await t.call('GET', '/api/cases?stage=postLaunchReview', { role: 'viewer' })).json()) as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).toContain(caseId);
    expect((await t.call('POST', `/api/cases/${caseId}/retire`, { body: { reason: 'replaced by the ERP module' }, role: 'approver' })).status).toBe(200);
    const after = (await (await t.call('GET', '/api/registry', { role: 'viewer' })).json()) as { items: RegistryEntry[] };
    expect(after.items.map((row) => row.caseId)).not.toContain(caseId);
  });

  it('never scales a prohibited case: the gate says why and the decision API refuses', async () => {
    const caseId = await create(governed('Social scoring', { ...LOW_INTAKE, prohibitedPractice: 'socialScoring' }));
    const runId = await run(caseId);
    const gate = await t.call('POST', `/api/runs/${runId}/analyses`, { body: { kind: 'gate' }, role: 'editor' });
    expect(gate.status).toBe(201);
    const result = (
      (await gate.json()) as {
        result: { recommendation: string; criteria: { id: string; met: boolean; note: string }[]; governance: { euAiActCategory: string } };
      }
    ).result;
    expect(result.recommendation).not.toBe('scale');
    expect(result.governance.euAiActCategory).toBe('prohibited');
    expect(result.criteria.find((c) => c.id === 'euAiActNotProhibited')).toMatchObject({
      met: false,
      note: 'a prohibited practice under Art. 5(1)(c) (social scoring) can never be scaled',
    });
    const refused = await t.call('POST', `/api/cases/${caseId}/decisions`, { body: { decision: 'scale', rationale: 'x', runId }, role: 'approver' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain('the EU AI Act prohibits this practice (Art. 5(1)(c) (social scoring))');
    // In gate review for 200 days without a decision: drifting, listed first.
    const listed = (await (await t.call('GET', '/api/cases?stage=gateReview,pilot,intake', { role: 'viewer' })).json()) as {
      items: { id: string; stage: string; drifting: boolean }[];
    };
    expect(listed.items[0]).toMatchObject({ id: caseId, stage: 'gateReview', drifting: true });
    expect(listed.items.filter((item) => item.stage === 'intake').every((item) => !item.drifting)).toBe(true);
    expect((await t.call('GET', '/api/cases?stage=launched', { role: 'viewer' })).status).toBe(400);
  });

  it('lets an admin change the tiers: the same case then needs other approvals; bad settings are named', async () => {
    const caseId = await create(governed('Tier rules case', { ...LOW_INTAKE, decisions: ['financial'] }));
    const rulesOf = async () =>
      (
        (await (await t.call('GET', `/api/cases/${caseId}/governance`, { role: 'viewer' })).json()) as {
          riskTier: { value: string; rules: { approvals: string[] } };
        }
      ).riskTier;
    expect(await rulesOf()).toMatchObject({ value: 'medium', rules: { approvals: ['businessOwner', 'approver'] } });
    const settings = (await (await t.call('GET', '/api/governance/settings', { role: 'viewer' })).json()) as {
      tiers: { id: string; approvals: string[]; mandatoryItems: string[] }[];
    };
    const stricter = settings.tiers.map((tier) => (tier.id === 'medium' ? { ...tier, approvals: ['businessOwner', 'riskOwner', 'approver'] } : tier));
    expect((await t.call('PUT', '/api/governance/settings', { body: { tiers: stricter }, role: 'editor' })).status).toBe(403);
    const unknownItem = await t.call('PUT', '/api/governance/settings', {
      body: { tiers: stricter.map((tier) => ({ ...tier, mandatoryItems: ['no-such-item'] })) },
      role: 'admin',
    });
    expect(unknownItem.status).toBe(422);
    expect(await unknownItem.text()).toContain('/tiers/0/mandatoryItems/0');
    const duplicate = await t.call('PUT', '/api/governance/settings', { body: { tiers: [...stricter, stricter[0]] }, role: 'admin' });
    expect(duplicate.status).toBe(422);
    expect(((await duplicate.json()) as { detail: string }).detail).toContain('/tiers/3/id tier id "low" appears twice');
    const saved = await t.call('PUT', '/api/governance/settings', { body: { tiers: stricter }, role: 'admin' });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ updatedBy: 'admin (test)' });
    expect((await rulesOf()).rules.approvals).toEqual(['businessOwner', 'riskOwner', 'approver']);

    // The tier's review cadence reaches the registry and the portfolio's post-launch reviews.
    const runId = await run(caseId);
    for (const [who, role] of [
      ['owner', 'businessOwner'],
      ['approver', 'approver'],
    ] as const) {
      expect((await as(who, 'POST', `/api/cases/${caseId}/approvals`, { runId, role })).status).toBe(201);
    }
    expect((await t.call('POST', `/api/cases/${caseId}/decisions`, { body: { decision: 'scale', rationale: 'r', runId }, role: 'approver' })).status).toBe(409);
    const monthly = stricter.map((tier) => (tier.id === 'medium' ? { ...tier, approvals: ['businessOwner', 'approver'], reviewEveryMonths: 2 } : tier));
    expect((await t.call('PUT', '/api/governance/settings', { body: { tiers: monthly }, role: 'admin' })).status).toBe(200);
    expect((await t.call('POST', `/api/cases/${caseId}/decisions`, { body: { decision: 'scale', rationale: 'r', runId }, role: 'approver' })).status).toBe(201);
    const registry = (await (await t.call('GET', '/api/registry', { role: 'viewer' })).json()) as { items: RegistryEntry[] };
    expect(registry.items.find((row) => row.caseId === caseId)?.reviewEveryMonths).toBe(2);
    const portfolio = (await (await t.call('GET', '/api/portfolio?trials=200', { role: 'viewer' })).json()) as {
      reviews: { due: { id: string; reviewEveryMonths: number }[]; overdue: { id: string; reviewEveryMonths: number }[] };
    };
    const reviews = [...portfolio.reviews.due, ...portfolio.reviews.overdue];
    expect(reviews.find((review) => review.id === caseId)?.reviewEveryMonths).toBe(2);
    // The case retired in the approvals test has no more reviews: the reviews are exactly the registry's systems.
    expect(reviews.map((review) => review.id).sort()).toEqual(registry.items.map((row) => row.caseId).sort());
    expect((await t.call('PUT', '/api/governance/settings', { body: { tiers: settings.tiers }, role: 'admin' })).status).toBe(200);
  });
});
