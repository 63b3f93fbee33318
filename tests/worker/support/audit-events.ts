import { expect } from 'vitest';
import type { Browser } from './client.js';

/** An audit event as GET /api/audit serves it. */
export interface ServedEvent {
  seq: number;
  at: number;
  actor: string | null;
  type: string;
  subject: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The whole chain, oldest first, read page by page as an admin's browser reads it. */
export async function allEvents(browser: Browser, pageSize = 200): Promise<ServedEvent[]> {
  const events: ServedEvent[] = [];
  let before: number | null | undefined;
  do {
    const res = await browser.get(`/api/audit?limit=${pageSize}${before ? `&before=${before}` : ''}`);
    expect(res.status).toBe(200);
    events.push(...res.body.events);
    before = res.body.nextBefore;
  } while (before);
  return events.reverse();
}

/** The hashed object is exactly these six columns (worker/audit.ts). */
export const hashedPart = ({ seq, at, actor, type, subject, details }: ServedEvent) => ({
  seq,
  at,
  actor,
  type,
  subject,
  details,
});
