import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../crypto/bytes.js';
import { sealInboxSubmission } from '../../crypto/sealed.js';
import { openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { installShipped, notificationsOf, runCron } from './support/rules.js';
import { addMember, setUpOrganization } from './support/scenario.js';
import { booking, HOUR, MINUTE, openClinic } from './support/schedule.js';

const PATH = '/api/schedule/appointments';
/** A quarter hour `ms` or a little more from now: bookings start on the grid. */
const onTheGrid = (ms: number) => Math.ceil((Date.now() + ms) / (15 * MINUTE)) * 15 * MINUTE;

describe('appointments in the rules engine', () => {
  it('reports a completed session and a no-show to the rules', async () => {
    const clinic = await openClinic();
    await clinic.center.adminBrowser.post('/api/rules', {
      name: 'No-show follow-up',
      trigger: { kind: 'event', event: 'appointment.no_show' },
      condition: true,
      actions: [
        {
          kind: 'notify',
          to: [
            { kind: 'relation', relation: 'counselor' },
            { kind: 'role', role: 'frontdesk' },
          ],
        },
      ],
      dedupDays: 0,
    });
    const [first, second] = (
      await clinic.desk.browser.post(PATH, booking(clinic, onTheGrid(-9 * 24 * HOUR), { weeks: 2 }))
    ).body.appointments;

    await clinic.counselor.browser.post(`${PATH}/${first.id}/status`, { status: 'completed' });
    await clinic.counselor.browser.post(`${PATH}/${second.id}/status`, { status: 'no_show' });

    const types = await env.DB.prepare(
      "SELECT type, subject FROM rule_events WHERE type LIKE 'appointment.%'",
    ).all();
    expect(types.results).toEqual(
      expect.arrayContaining([
        { type: 'appointment.completed', subject: first.id },
        { type: 'appointment.no_show', subject: second.id },
      ]),
    );
    for (const person of [clinic.counselor, clinic.desk]) {
      const { notifications } = await notificationsOf(person);
      expect(notifications.map((note) => [note.eventType, note.subject])).toEqual([
        ['appointment.no_show', second.id],
      ]);
    }
  });

  it('reminds the counselor 24 hours ahead once, in the bell, even with every shipped rule installed', async () => {
    const clinic = await openClinic();
    await installShipped(clinic.center);
    const [soon] = (await clinic.desk.browser.post(PATH, booking(clinic, onTheGrid(10 * HOUR)))).body
      .appointments;
    await clinic.desk.browser.post(PATH, booking(clinic, onTheGrid(30 * HOUR)));

    await runCron(Date.now());
    await runCron(Date.now() + 15 * MINUTE);

    const { notifications } = await notificationsOf(clinic.counselor);
    expect(notifications.map((note) => [note.eventType, note.subject])).toEqual([
      ['appointment.upcoming', soon.id],
    ]);
    expect((await notificationsOf(clinic.other)).notifications).toEqual([]);
  });
});

describe('surveys in the rules engine', () => {
  /** The client's phone: open the link, seal the answers, send the operational score beside them. */
  async function submitSurvey(token: string, overallSatisfaction: number) {
    const client = new Browser();
    const opened = (await client.post('/api/portal/open', { token })).body;
    const sealed = sealInboxSubmission(fromBase64Url(opened.inboxPk), opened.caseId, opened.submissionId, {
      overall_satisfaction: overallSatisfaction,
    });
    return client.post('/api/portal/submit', {
      token,
      enc: toBase64Url(sealed.enc),
      ct: toBase64Url(sealed.ct),
      operational: { overall_satisfaction: overallSatisfaction },
    });
  }

  it('files a care task for the front desk when a client rates satisfaction below 3', async () => {
    const center = await setUpOrganization();
    const counselor = await addMember(center, ['counselor']);
    const desk = await addMember(center, ['frontdesk']);
    const file = await openCase(center, counselor);
    await installShipped(center);

    for (const score of [4, 2]) {
      const link = await counselor.browser.post(`/api/cases/${file.caseId}/portal/links`, {
        form: 'satisfaction-survey@1',
      });
      expect((await submitSurvey(link.body.token, score)).status).toBe(201);
    }

    const { tasks } = (await desk.browser.get('/api/tasks')).body;
    expect(tasks).toEqual([
      expect.objectContaining({ caseId: file.caseId, assigneeRole: 'frontdesk', status: 'open' }),
    ]);
    expect((await counselor.browser.get('/api/tasks')).body.tasks).toEqual([]);
  });
});
