import { describe, expect, it } from 'vitest';
import {
  appendEvent,
  centerWithCase,
  drain,
  flakySender,
  installShipped,
  notificationsOf,
} from './support/rules.js';
import { addMember } from './support/scenario.js';

describe('shipped rules on events other features report', () => {
  it('files a care task for the front desk when satisfaction is below 3', async () => {
    const { center, file } = await centerWithCase();
    const frontdesk = await addMember(center, ['frontdesk']);
    await installShipped(center);

    for (const satisfaction of [4, 2]) {
      await appendEvent({
        type: 'survey.submitted',
        subject: crypto.randomUUID(),
        caseId: file.caseId,
        payload: { form: 'satisfaction-survey@1', operational: { overall_satisfaction: satisfaction } },
      });
    }
    await drain(flakySender(0));

    const { tasks } = (await frontdesk.browser.get('/api/tasks')).body;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ caseId: file.caseId, assigneeRole: 'frontdesk', status: 'open' });
  });

  it('escalates an overdue supervision report to the directors and the counselor', async () => {
    const { center, counselor, file } = await centerWithCase();
    const director = await addMember(center, ['director']);
    await installShipped(center);

    await appendEvent({
      type: 'supervision.report_overdue',
      subject: crypto.randomUUID(),
      caseId: file.caseId,
      payload: { counselorId: counselor.account.id, daysOverdue: 3 },
    });
    await drain(flakySender(0));

    expect((await notificationsOf(director)).unread).toBe(1);
    expect((await notificationsOf(counselor)).unread).toBe(1);
  });
});
