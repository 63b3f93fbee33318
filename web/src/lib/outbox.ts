/** The dev outbox (local mode only): emails the server would have sent, for invitations in dev. */

import { outboxSchema } from '../../../core/api/index';
import { createApiClient } from './api-client';
import { run } from './app-errors';

const api = createApiClient();

export interface OutboxEmail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly sentAt: number;
}

export async function listOutbox(): Promise<readonly OutboxEmail[]> {
  return run(async () => {
    const { emails } = await api.get('/api/dev/outbox', outboxSchema);
    return emails.map((email) => ({
      id: String(email.id),
      to: email.to,
      subject: email.subject,
      text: email.body,
      sentAt: email.createdAt,
    }));
  });
}
