import type { TestProject } from 'vitest/node';
import { startLocalServer } from '../support/local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    privacyBaseURL: string;
    privacyStateDir: string;
  }
}

/** Its own server and database: the privacy suite reads every byte the server stored. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startLocalServer('privacy', { withWeb: false });
  project.provide('privacyBaseURL', server.baseURL);
  project.provide('privacyStateDir', server.stateDir);
  return server.stop;
}
