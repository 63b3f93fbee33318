import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './db/client.js';
import { devOutbox } from './db/schema.js';
import type { Env } from './env.js';

export interface Email {
  to: string;
  subject: string;
  body: string;
}

/** The outside world for mail: a provider plugs in here; tests and local mode use the outbox. */
export interface EmailSender {
  send(email: Email): Promise<void>;
}

const outboxInsert = (db: Db, email: Email) =>
  db
    .insert(devOutbox)
    .values({ toEmail: email.to, subject: email.subject, body: email.body, createdAt: Date.now() });

/** Local mode (DEV_OUTBOX = "1"): mail lands in a table the dev outbox page reads. */
export function outboxSender(db: Db): EmailSender {
  return {
    async send(email) {
      await outboxInsert(db, email);
    },
  };
}

/** Until a provider is configured: note that a mail was due, never its body (it holds tokens). */
export const logOnlySender: EmailSender = {
  async send(email) {
    console.log(`email not sent (no provider configured): "${email.subject}"`);
  },
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The outbox holds invitation links, so it works only when switched on AND the app is reached on
 * this machine: a deployment that kept DEV_OUTBOX = "1" by mistake still exposes nothing.
 */
export function isDevOutbox(env: Env, requestUrl: string): boolean {
  return env.DEV_OUTBOX === '1' && LOOPBACK_HOSTS.has(new URL(requestUrl).hostname);
}

export function emailSenderFor(env: Env, db: Db, requestUrl: string): EmailSender {
  return isDevOutbox(env, requestUrl) ? outboxSender(db) : logOnlySender;
}

/**
 * Mail that goes out with a commit (emailSenderFor's choice of sender): in local mode the outbox
 * row joins the caller's write batch (`statements`), so it exists exactly when the change does;
 * otherwise `afterCommit` sends it once the change is stored.
 */
export function mailWithCommit(
  env: Env,
  db: Db,
  requestUrl: string,
  email: Email,
): { statements: BatchItem<'sqlite'>[]; afterCommit: () => Promise<void> } {
  if (isDevOutbox(env, requestUrl))
    return { statements: [outboxInsert(db, email)], afterCommit: async () => {} };
  return { statements: [], afterCommit: () => logOnlySender.send(email) };
}
