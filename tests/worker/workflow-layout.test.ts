import { describe, expect, it } from 'vitest';
import type { WorkflowGraph } from '../../core/workflows/model.js';
import { snapshotCounts } from './support/database.js';
import { setUpOrganization } from './support/scenario.js';

/** The designer stores where each step is drawn with the graph; the engine never reads it. */

const director = { kind: 'role', role: 'director' } as const;
const flow: WorkflowGraph = {
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'approve', type: 'approval', label: 'Approve it', assignee: director, dueInHours: 24 },
    { id: 'end', type: 'end' },
  ],
  edges: [
    { from: 'start', to: 'approve' },
    { from: 'approve', to: 'end' },
  ],
};
const layout = { start: { x: 24, y: 72 }, approve: { x: 264, y: 72 }, end: { x: 504.5, y: 72 } };

describe('a workflow definition’s layout', () => {
  it('is saved with a draft, edited with it, and read back as drawn', async () => {
    const { adminBrowser: admin } = await setUpOrganization();
    const draft = await admin.post('/api/workflows/definitions', {
      key: 'drawn',
      name: 'Drawn',
      graph: { ...flow, layout },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.graph.layout).toEqual(layout);

    const moved = { ...layout, approve: { x: 300, y: 200 } };
    const edited = await admin.put(`/api/workflows/definitions/${draft.body.id}`, {
      name: 'Drawn',
      graph: { ...flow, layout: moved },
    });
    expect(edited.status).toBe(200);
    const stored = await admin.get(`/api/workflows/definitions/${draft.body.id}`);
    expect(stored.body.graph.layout).toEqual(moved);
  });

  it('turns away positions that are not numbers in range or not for a node id, writing nothing', async () => {
    const { adminBrowser: admin } = await setUpOrganization();
    const before = await snapshotCounts();
    for (const bad of [
      { start: { x: 'left', y: 0 } },
      { start: { x: 1e9, y: 0 } },
      { 'Not An Id': { x: 0, y: 0 } },
      { start: { x: 0 } },
    ]) {
      const res = await admin.post('/api/workflows/definitions', {
        key: 'drawn',
        name: 'Drawn',
        graph: { ...flow, layout: bad },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect(await snapshotCounts()).toEqual(before);
  });
});
