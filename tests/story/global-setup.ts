/** A fresh Tacit of the story's own (not the e2e center), with a payment provider's signing secret. */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startLocalServer } from '../support/local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Standard Webhooks secret the server checks payment callbacks with. */
    paymentWebhookSecret: string;
    /** The server's local D1 state, for the second Worker that plays the Cron Trigger's clock. */
    stateDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const paymentWebhookSecret = `whsec_${randomBytes(32).toString('base64')}`;
  const server = await startLocalServer('story', { vars: { PAYMENT_WEBHOOK_SECRET: paymentWebhookSecret } });
  project.provide('baseURL', server.baseURL);
  project.provide('paymentWebhookSecret', paymentWebhookSecret);
  project.provide('stateDir', server.stateDir);
  return server.stop;
}
