import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS, type ReportQuery } from '../../core/api/reports.js';
import { METRICS } from '../../worker/reports/catalog.js';
import { metricPlan } from '../../worker/reports/run-metric.js';

const FROM = Date.UTC(2027, 0, 1);
const TO = Date.UTC(2027, 3, 1);
const COUNSELOR = '6f1c2a34-0d2e-4b7a-9c1d-2e3f4a5b6c7d';

/**
 * What a plan may scan whole: the per-row results a report materialised itself, and the weekly
 * shifts (a handful of rows per counselor, never growing with time).
 */
const SCANNABLE = /^SCAN (per_row|per_case|cohort|availability_shifts)\b/;

function variants(metric: (typeof METRIC_IDS)[number]): ReportQuery[] {
  const definition = METRICS[metric];
  const queries: ReportQuery[] = [];
  for (const dimension of definition.dimensions) {
    queries.push({ metric, dimension, from: FROM, to: TO });
    if (definition.filters.includes('counselorId'))
      queries.push({ metric, dimension, from: FROM, to: TO, counselorId: COUNSELOR });
    if (definition.filters.includes('channel'))
      queries.push({ metric, dimension, from: FROM, to: TO, channel: 'website' });
    if (definition.filters.includes('serviceType'))
      queries.push({ metric, dimension, from: FROM, to: TO, serviceType: 'couple' });
  }
  return queries;
}

describe('query plans', () => {
  it.each(METRIC_IDS)(
    'answers %s by every breakdown and filter from indexes, never a scan of a growing table',
    async (metric) => {
      for (const query of variants(metric)) {
        for (const [scopedTo, rollups] of [
          [null, true],
          [COUNSELOR, true],
          [null, false],
        ] as const) {
          for (const statement of metricPlan(query, scopedTo, 'Asia/Shanghai', rollups).statements) {
            const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
              .bind(...statement.params)
              .all<{ detail: string }>();
            const details = results.map((row) => row.detail);
            const label = `${JSON.stringify(query)} scoped to ${scopedTo}: ${details.join(' | ')}`;
            expect(
              details.some((detail) => /^(SEARCH|SCAN) /.test(detail)),
              label,
            ).toBe(true);
            for (const detail of details.filter((line) => /^SCAN /.test(line)))
              expect(detail, label).toMatch(SCANNABLE);
          }
        }
      }
    },
    60_000,
  );
});
