import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { closingSummaryForm } from '../../core/forms/templates/index.js';
import { appendNote, openCase } from './support/case-files.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';
import { openTask, startProcess } from './support/workflows.js';

/**
 * Issue 6's case closing asks for the 结案小结 (closing summary): a shipped form template the
 * center installs like the others, whose text stays secret and whose reason and session counts
 * are operational; the process's first step completes only with such a record of the case.
 */

const summaryFacts = {
  closing_date: '2026-11-25',
  closing_reason: 'goals_met',
  sessions_planned: 10,
  sessions_held: 9,
  referral_made: false,
};

describe('the closing summary template', () => {
  it('installs as a published version the counselor’s catalog offers, text fields secret', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const installed = await center.adminBrowser.post('/api/forms/templates/closing-summary/install');
    expect(installed.status).toBe(201);
    expect(installed.body.ref).toBe('closing-summary@1');

    const catalog = await counselor.browser.get('/api/forms/published');
    const offered = catalog.body.forms.find(
      (form: { definition: { id: string } }) => form.definition.id === 'closing-summary',
    );
    expect(offered).toMatchObject({ source: 'template', definition: { version: 1 } });
    const sensitivity = Object.fromEntries(
      offered.definition.fields
        .filter((field: { type: string }) => field.type !== 'section')
        .map((field: { id: string; sensitivity: string }) => [field.id, field.sensitivity]),
    );
    expect(sensitivity).toEqual({
      closing_date: 'operational',
      closing_reason: 'operational',
      sessions_planned: 'operational',
      sessions_held: 'operational',
      referral_made: 'operational',
      presenting_problem: 'secret',
      course_of_work: 'secret',
      outcome: 'secret',
      referral_details: 'secret',
      recommendations: 'secret',
    });
    expect(closingSummaryForm.title['zh-CN']).toBe('结案小结');
  });

  it('refuses the summary’s text as operational data, and a closing reason it does not offer', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const file = await openCase(center, counselor);
    const before = await snapshotCounts();
    const prose = await appendNote(file, counselor, {
      form: 'closing-summary@1',
      operational: { ...summaryFacts, course_of_work: 'the client’s story' },
    });
    expect(prose.res.status).toBe(400);
    expect(prose.res.body.error.code).toBe('invalid_request');
    // A word that passes as a choice code is still refused: the form says the field is secret.
    const leaked = await appendNote(file, counselor, {
      form: 'closing-summary@1',
      operational: { ...summaryFacts, course_of_work: 'cbt' },
    });
    expect(leaked.res.status).toBe(400);
    expect(leaked.res.body.error.code).toBe('operational_mismatch');
    expect(leaked.res.body.error.message).toContain('course_of_work');
    const unknownReason = await appendNote(file, counselor, {
      form: 'closing-summary@1',
      operational: { ...summaryFacts, closing_reason: 'bored' },
    });
    expect(unknownReason.res.status).toBe(400);
    expect(unknownReason.res.body.error.code).toBe('operational_mismatch');
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('the case closing process', () => {
  it('completes its summary step only with a closing summary written on the case, then moves on', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    await addMember(center, ['supervisor']);
    const file = await openCase(center, counselor);
    const otherFile = await openCase(center, counselor);
    await center.adminBrowser.post('/api/forms/templates/closing-summary/install');
    const installed = await center.adminBrowser.post('/api/workflows/definitions/shipped/case_closing');
    const summaryStep = installed.body.graph.nodes.find((node: { id: string }) => node.id === 'summary');
    expect(summaryStep).toMatchObject({ type: 'form_task', formKey: 'closing-summary' });
    await startProcess(counselor.browser, 'case_closing', { caseId: file.caseId });
    const summary = await openTask(counselor.browser, 'Write the closing summary');
    expect(summary).toMatchObject({ formKey: 'closing-summary', caseId: file.caseId, action: null });

    const before = await snapshotCounts();
    const bare = await counselor.browser.post(`/api/workflows/tasks/${summary.id}/complete`, {});
    expect(bare.status).toBe(422);
    expect(bare.body.error.message).toContain('closing-summary');
    const note = await appendNote(file, counselor, {
      form: 'session-note@1',
      operational: { session_date: '2026-11-20', session_number: 9, duration_minutes: 50, modality: 'video' },
    });
    expect(note.res.status).toBe(201);
    const wrongForm = await counselor.browser.post(`/api/workflows/tasks/${summary.id}/complete`, {
      data: { recordId: note.write.body.entry.record },
    });
    expect(wrongForm.status).toBe(422);
    const elsewhere = await appendNote(otherFile, counselor, {
      form: 'closing-summary@1',
      operational: summaryFacts,
    });
    expect(elsewhere.res.status).toBe(201);
    const wrongCase = await counselor.browser.post(`/api/workflows/tasks/${summary.id}/complete`, {
      data: { recordId: elsewhere.write.body.entry.record },
    });
    expect(wrongCase.status).toBe(422);
    const after = await snapshotCounts();
    expect(after.tasks).toBe(before.tasks);
    expect(after.workflow_history).toBe(before.workflow_history);

    const written = await appendNote(file, counselor, {
      form: 'closing-summary@1',
      operational: summaryFacts,
    });
    expect(written.res.status).toBe(201);
    const done = await counselor.browser.post(`/api/workflows/tasks/${summary.id}/complete`, {
      data: { recordId: written.write.body.entry.record },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'running', waitingAt: ['approve'] });
    const stored = await env.DB.prepare('SELECT form, operational FROM case_records WHERE record_id = ?')
      .bind(written.write.body.entry.record)
      .first<{ form: string; operational: string }>();
    expect(stored?.form).toBe('closing-summary@1');
    expect(JSON.parse(stored?.operational ?? '{}')).toEqual(summaryFacts);
  });
});
