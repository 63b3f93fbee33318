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

export function isDevOutbox(env: Env): boolean {
  return env.DEV_OUTBOX === '1';
}

export function emailSenderFor(env: Env, db: Db): EmailSender {
  return isDevOutbox(env) ? outboxSender(db) : logOnlySender;
}
