import { describe, expect, it } from 'vitest';
import { dashboardInputSchema } from '../../../core/api/dashboards';
import { SHIPPED_DASHBOARDS } from '../../../core/dashboards/shipped';

describe('the shipped dashboards', () => {
  it('are each a dashboard the API would accept, under a unique template', () => {
    for (const shipped of SHIPPED_DASHBOARDS) {
      for (const name of Object.values(shipped.names)) {
        const parsed = dashboardInputSchema.safeParse({ ...shipped.dashboard, name });
        expect([shipped.template, parsed.error?.issues ?? []]).toEqual([shipped.template, []]);
      }
    }
    const templates = SHIPPED_DASHBOARDS.map((shipped) => shipped.template);
    expect(new Set(templates).size).toBe(templates.length);
  });
});
