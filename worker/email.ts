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

/** Local mode (DEV_OUTBOX = "1"): mail lands in a table the dev outbox page reads. */
export function outboxSender(db: Db): EmailSender {
  return {
    async send(email) {
      await db
        .insert(devOutbox)
        .values({ toEmail: email.to, subject: email.subject, body: email.body, createdAt: Date.now() });
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
