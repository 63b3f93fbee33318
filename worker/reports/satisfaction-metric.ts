import { clinicians } from './metric.js';
import { sourceMetric } from './source-metric.js';

/**
 * The satisfaction survey's operational score (1–5, the form's overall_satisfaction field) as
 * clients submitted it through the portal; nothing else of the survey is readable here. Every
 * figure needs five answers behind it, whatever the breakdown: a counselor with two surveys back
 * would otherwise know what each client said.
 */
export const satisfaction = sourceMetric({
  unit: 'score',
  source: {
    from: 'portal_submissions ps JOIN cases c ON c.id = ps.case_id',
    time: 'ps.submitted_at',
    counselor: 'c.primary_counselor_id',
    where: "ps.form = 'satisfaction-survey'",
    columns: { counselor: 'c.primary_counselor_id', service_type: 'c.service_type', channel: 'c.channel' },
  },
  value: "AVG(json_extract(ps.operational, '$.overall_satisfaction'))",
  population: "COUNT(json_extract(ps.operational, '$.overall_satisfaction'))",
  roles: clinicians,
  alwaysSuppressed: true,
});
