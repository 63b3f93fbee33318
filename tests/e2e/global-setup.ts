/** Serves a fresh Tacit for the browser tests (tests/support/local-server.ts) and stops it after. */
import type { TestProject } from 'vitest/node';
import { startLocalServer } from '../support/local-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the app under test, e.g. http://127.0.0.1:41234 */
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startLocalServer('e2e');
  project.provide('baseURL', server.baseURL);
  return server.stop;
}
