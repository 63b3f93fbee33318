import { z } from './zod.js';

export const outboxEmailSchema = z.object({
  id: z.int(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.int(),
});
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;
export const outboxSchema = z.object({ emails: z.array(outboxEmailSchema) });
export type Outbox = z.infer<typeof outboxSchema>;

export const healthSchema = z.object({ ok: z.boolean(), db: z.boolean() });
export type Health = z.infer<typeof healthSchema>;
