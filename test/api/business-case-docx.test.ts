import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_CONTENT_TYPE } from '../../api/services/business-case/business-case-docx.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/contact-center-assistant.json', import.meta.url), 'utf8'));
const OUT = resolve('test-artifacts/business-case');
const SOFFICE = '/usr/bin/soffice';
/** LibreOffice Writer's library: without it soffice cannot load a DOCX. */
const WRITER = '/usr/lib/libreoffice/program/libswlo.so';

describe('GET /api/cases/{id}/business-case.docx', () => {
  let t: TestApp;
  let caseId: string;
  let bytes: Buffer;

  beforeAll(async () => {
    t = await buildTestApp('pglite');
    const created = await t.call('POST', '/api/cases', { body: fixture, role: 'editor' });
    caseId = ((await created.json()) as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers 404 for an unknown case and 409, saying what to do, before the case has a run', async () => {
    const unknown = await t.call('GET', '/api/cases/00000000-0000-4000-8000-000000000000/business-case.docx', { role: 'viewer' });
    expect(unknown.status).toBe(404);
    const early = await t.call('GET', `/api/cases/${caseId}/business-case.docx`, { role: 'viewer' });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { detail?: string; title?: string }).detail ?? '').toMatch(
      /has no succeeded run yet: the business case is built from a run; run it first/,
    );
  });

  it('downloads an editable Word document with the headings, the plans and the charts as images', async () => {
    const ran = await t.call('POST', `/api/cases/${caseId}/runs?wait=true`, { body: { trials: 2000 }, role: 'editor' });
    expect(ran.status).toBe(201);
    const response = await t.call('GET', `/api/cases/${caseId}/business-case.docx`, { role: 'viewer' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_CONTENT_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-business-case-v1\.docx"$/);
    bytes = Buffer.from(await response.arrayBuffer());
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'business-case.docx'), bytes);

    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const heading of [
      '1. The decision asked for',
      '2. Use case, owner and sponsor',
      '3. Baseline and value hypothesis',
      '4. Full scaling cost, and the pilot against production',
      '5. Integration plan',
      '6. Adoption plan',
      '7. Post-launch accountability',
      '8. Value-measurement approach',
      '9. Risks and sensitivities',
      '10. The gate',
      '11. What to measure next',
    ])
      expect(text).toContain(heading);
    // The plan and the pilot, from the case and the run.
    expect(text).toContain('Works-council agreement signed');
    expect(text).toContain('Pilot ROI, as reported by the pilot team');
    expect(text).toContain('Costs production pays that the pilot never paid');
    expect(text).toContain('Readiness sign-offs');
    // Three charts, each a PNG image drawn in the document.
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    for (const name of media) expect((await zip.file(name)!.async('uint8array')).subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(xml.match(/<w:drawing>/g)).toHaveLength(3);
  }, 120_000);

  it('answers the same outline as JSON for the web page', async () => {
    const response = await t.call('GET', `/api/cases/${caseId}/business-case`, { role: 'viewer' });
    expect(response.status).toBe(200);
    const outline = (await response.json()) as { sections: { heading: string }[]; charts: Record<string, unknown> };
    expect(outline.sections).toHaveLength(11);
    expect(Object.values(outline.charts).every((chart) => chart !== null)).toBe(true);
  }, 60_000);

  it('answers 422, naming the version, when the run rests on a case version that no longer validates', async () => {
    // A stored document from before today's rules: its horizon is now out of range.
    await t.services.db.query(`UPDATE case_versions SET document = jsonb_set(document::jsonb, '{horizonMonths}', '999')::json WHERE case_id = $1`, [caseId]);
    const response = await t.call('GET', `/api/cases/${caseId}/business-case.docx`, { role: 'viewer' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: string }).detail).toBe('case version 1 of the latest run no longer validates; run the current version first');
  });

  it.skipIf(!existsSync(SOFFICE) || !existsSync(WRITER))(
    'opens in LibreOffice: converted to PDF, its first pages rendered to PNG (skipped without soffice and LibreOffice Writer)',
    () => {
      expect(bytes).toBeDefined();
      const profile = `file://${resolve('test-artifacts/business-case/lo-profile')}`;
      execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, join(OUT, 'business-case.docx')], {
        timeout: 90_000,
        stdio: 'ignore',
      });
      const pdf = join(OUT, 'business-case.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      for (const old of readdirSync(OUT).filter((name) => name.startsWith('business-case-page'))) rmSync(join(OUT, old));
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, join(OUT, 'business-case-page')], { timeout: 30_000 });
      expect(readdirSync(OUT).filter((name) => name.startsWith('business-case-page') && name.endsWith('.png')).length).toBe(2);
    },
    120_000,
  );
});
