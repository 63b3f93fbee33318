import { env } from 'cloudflare:workers';

/**
 * The clock fake: instead of moving "now" forward, every stored time that expiry is computed
 * from moves back by `ms`. The Worker keeps reading the real clock.
 */
export async function letTimePass(ms: number): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      'UPDATE sessions SET created_at = created_at - ?1, last_seen_at = last_seen_at - ?1, expires_at = expires_at - ?1',
    ).bind(ms),
    env.DB.prepare(
      'UPDATE login_throttle SET last_failure_at = last_failure_at - ?1, locked_until = locked_until - ?1',
    ).bind(ms),
    env.DB.prepare('UPDATE invitations SET created_at = created_at - ?1, expires_at = expires_at - ?1').bind(
      ms,
    ),
    // 0 means "no expiry" and stays 0.
    env.DB.prepare(
      'UPDATE case_key_wraps SET created_at = created_at - ?1, expires_at = CASE expires_at WHEN 0 THEN 0 ELSE expires_at - ?1 END',
    ).bind(ms),
    env.DB.prepare(
      'UPDATE contact_key_wraps SET expires_at = CASE expires_at WHEN 0 THEN 0 ELSE expires_at - ?1 END',
    ).bind(ms),
    env.DB.prepare(
      'UPDATE api_keys SET created_at = created_at - ?1, expires_at = CASE expires_at WHEN 0 THEN 0 ELSE expires_at - ?1 END',
    ).bind(ms),
    env.DB.prepare(
      'UPDATE access_requests SET created_at = created_at - ?1, decided_at = decided_at - ?1',
    ).bind(ms),
    env.DB.prepare(
      'UPDATE conference_key_wraps SET created_at = created_at - ?1, expires_at = CASE expires_at WHEN 0 THEN 0 ELSE expires_at - ?1 END',
    ).bind(ms),
    env.DB.prepare(
      'UPDATE conferences SET created_at = created_at - ?1, expires_at = CASE expires_at WHEN 0 THEN 0 ELSE expires_at - ?1 END',
    ).bind(ms),
    env.DB.prepare('UPDATE portal_links SET created_at = created_at - ?1, expires_at = expires_at - ?1').bind(
      ms,
    ),
  ]);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
