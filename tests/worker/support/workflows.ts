import type { WorkflowGraph } from '../../../core/workflows/model.js';
import type { Browser } from './client.js';

/** A one-click publish of a graph as the next version of `key`; returns the definition. */
export async function publishGraph(admin: Browser, key: string, graph: WorkflowGraph, name = key) {
  const draft = await admin.post('/api/workflows/definitions', { key, name, graph });
  if (draft.status !== 201) throw new Error(`draft failed: ${JSON.stringify(draft.body)}`);
  const published = await admin.post(`/api/workflows/definitions/${draft.body.id}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return published.body as { id: string; version: number };
}

export async function startProcess(who: Browser, key: string, body: object = {}) {
  const res = await who.post('/api/workflows/instances', { key, ...body });
  if (res.status !== 201) throw new Error(`start failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; waitingAt: string[]; version: number; status: string };
}

export interface InboxTask {
  id: string;
  title: string;
  step: string;
  instanceId: string;
  status: 'open' | 'done';
  dueAt: number | null;
  assigneeUserId: string | null;
  assigneeRole: string | null;
}

export async function inbox(who: Browser) {
  const res = await who.get('/api/workflows/tasks');
  if (res.status !== 200) throw new Error(`inbox failed: ${JSON.stringify(res.body)}`);
  return res.body as { tasks: InboxTask[]; open: number; overdue: number };
}

export async function openTask(who: Browser, title: string): Promise<InboxTask> {
  const task = (await inbox(who)).tasks.find(
    (candidate) => candidate.title === title && candidate.status === 'open',
  );
  if (!task) throw new Error(`no open task "${title}"`);
  return task;
}
