import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SHIPPED_WORKFLOWS } from '../../core/workflows/shipped.js';
import { MINUTE } from './support/clock.js';
import {
  addRule,
  appendEvent,
  centerWithCase,
  drain,
  eventRule,
  flakySender,
  runsOf,
} from './support/rules.js';
import { inbox, publishGraph } from './support/workflows.js';

const supervision = SHIPPED_WORKFLOWS.find((workflow) => workflow.key === 'supervision');
if (!supervision) throw new Error('the supervision workflow is not shipped');
const countInstances = () => env.DB.prepare('SELECT count(*) AS n FROM workflow_instances').first('n');

describe('starting a workflow', () => {
  it('starts the published workflow on the case when the event arrives, its first task waiting', async () => {
    const { center, counselor, file } = await centerWithCase();
    await publishGraph(center.adminBrowser, 'supervision', supervision.graph);
    const ruleId = await addRule(
      center,
      eventRule('case.status_changed', [{ kind: 'start_workflow', workflow: 'supervision' }], {
        condition: { '==': [{ var: 'event.to' }, 'active'] },
      }),
    );

    const changed = await counselor.browser.patch(`/api/cases/${file.caseId}`, { status: 'active' });

    expect(changed.status).toBe(200);
    const [run] = await runsOf(center.adminBrowser, ruleId);
    expect(run?.outcome).toBe('done');
    const instanceId = run?.actions[0]?.detail;
    const instance = (await center.adminBrowser.get(`/api/workflows/instances/${instanceId}`)).body;
    expect(instance).toMatchObject({
      key: 'supervision',
      status: 'running',
      caseId: file.caseId,
      startedBy: null,
      waitingAt: ['report'],
      data: { eventType: 'case.status_changed', from: 'intake', to: 'active' },
    });
    const { tasks } = await inbox(counselor.browser);
    expect(tasks).toEqual([
      expect.objectContaining({
        title: 'Submit supervision report',
        instanceId,
        status: 'open',
        assigneeUserId: counselor.account.id,
      }),
    ]);
  });

  it('starts it once per event: a retry re-runs only the action that failed', async () => {
    const { center, file } = await centerWithCase();
    await publishGraph(center.adminBrowser, 'supervision', supervision.graph);
    const ruleId = await addRule(
      center,
      eventRule('case.closed', [
        { kind: 'start_workflow', workflow: 'supervision' },
        { kind: 'notify', to: [{ kind: 'relation', relation: 'primary_counselor' }], email: true },
      ]),
    );
    const now = Date.now();
    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId }, now);
    const sender = flakySender(1);

    await drain(sender, now);
    await drain(sender, now + 2 * MINUTE);

    const runs = await runsOf(center.adminBrowser, ruleId);
    expect(runs.map((run) => run.actions.map((action) => action.outcome))).toEqual([
      ['done', 'done'],
      ['done', 'failed'],
    ]);
    expect(await countInstances()).toBe(1);
  });

  it('records "not available" when no version of the workflow is published', async () => {
    const { center, file } = await centerWithCase();
    const ruleId = await addRule(
      center,
      eventRule('case.closed', [{ kind: 'start_workflow', workflow: 'case-closing' }]),
    );

    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));

    const [run] = await runsOf(center.adminBrowser, ruleId);
    expect(run?.outcome).toBe('done');
    expect(run?.actions).toEqual([
      { kind: 'start_workflow', outcome: 'not_available', detail: 'no published workflow "case-closing"' },
    ]);
    expect(await countInstances()).toBe(0);
  });
});

describe('sending a webhook', () => {
  it('queues a signed "rule.fired" webhook for each subscribed endpoint, with ids only', async () => {
    const { center, file } = await centerWithCase();
    const webhook = { kind: 'send_webhook', event: 'case-closed' };
    const ruleId = await addRule(center, eventRule('case.closed', [webhook]));
    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));
    expect((await runsOf(center.adminBrowser, ruleId))[0]?.actions[0]?.outcome).toBe('no_recipient');
    const subscribed = await center.adminBrowser.post('/api/webhooks', {
      url: 'https://crm.example/hooks/tacit',
      eventTypes: ['rule.fired'],
    });
    expect(subscribed.status).toBe(201);

    await appendEvent({ type: 'case.closed', subject: file.caseId, caseId: file.caseId });
    await drain(flakySender(0));

    expect((await runsOf(center.adminBrowser, ruleId))[0]?.actions[0]).toEqual({
      kind: 'send_webhook',
      outcome: 'done',
      detail: '1',
    });
    const delivery = await env.DB.prepare('SELECT event_type, payload FROM webhook_deliveries').first<{
      event_type: string;
      payload: string;
    }>();
    expect(delivery?.event_type).toBe('rule.fired');
    expect(JSON.parse(delivery?.payload ?? '{}').data).toMatchObject({
      name: 'case-closed',
      ruleId,
      eventType: 'case.closed',
      caseId: file.caseId,
    });
  });
});
