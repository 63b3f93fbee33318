import { env } from 'cloudflare:workers';

/** Children before parents: D1 enforces the foreign keys. */
const TABLES = [
  'form_versions',
  'portal_submissions',
  'portal_links',
  'case_destructions',
  'retention_policies',
  'notifications',
  'supervision_record_themes',
  'supervision_themes',
  'kb_attachments',
  'kb_article_versions',
  'kb_articles',
  'kb_categories',
  'staff_key_wraps',
  'staff_key_epochs',
  'conference_messages',
  'conference_key_chain',
  'conference_key_wraps',
  'conference_participants',
  'conferences',
  'rule_runs',
  'rule_dedup',
  'tasks',
  'workflow_timers',
  'workflow_history',
  'workflow_instances',
  'workflow_definitions',
  'rule_events',
  'rules',
  'dashboards',
  'client_reminder_addresses',
  'calendar_feeds',
  'appointments',
  'leave_requests',
  'availability_exceptions',
  'availability_shifts',
  'services',
  'rooms',
  'webhook_attempts',
  'webhook_deliveries',
  'webhook_endpoints',
  'payment_events',
  'payment_refunds',
  'payments',
  'booking_requests',
  'rate_limits',
  'api_keys',
  'attachments',
  'access_requests',
  'case_log',
  'case_records',
  'case_key_wraps',
  'case_epochs',
  'cases',
  'contact_key_wraps',
  'clients',
  'group_key_chain',
  'group_key_wraps',
  'groups',
  'audit_checkpoints',
  'audit_events',
  'dev_outbox',
  'login_throttle',
  'sessions',
  'counselor_profiles',
  'root_key_wraps',
  'invitations',
  'users',
  'org',
] as const;
export type Table = (typeof TABLES)[number];

export async function emptyDatabase(): Promise<void> {
  await env.DB.batch(TABLES.map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
}

export async function countRows(table: Table): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Row counts of every table: a request that must write nothing leaves this unchanged. */
export async function snapshotCounts(): Promise<Record<Table, number>> {
  const entries = await Promise.all(TABLES.map(async (table) => [table, await countRows(table)] as const));
  return Object.fromEntries(entries) as Record<Table, number>;
}
