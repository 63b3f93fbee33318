import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import type { Role } from '../../core/api/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import type { CaseContext } from '../../web/src/lib/protocol/cases/index.js';
import { memoryRootPins, signInWithPassphrase } from '../../web/src/lib/protocol/index.js';
import { canary, findLeaks } from './canary.js';
import { bringIn, contextOf, signIn } from './people.js';

/**
 * The privacy suite's shared center (global-setup.ts made it): each file signs in its admin,
 * brings in people of its own, writes a canary into every secret field of its area through the
 * real browser code, then searches every byte the server stored for each of its canaries.
 */

export const baseURL = inject('privacyBaseURL');
const stateDir = inject('privacyStateDir');
const center = inject('privacyCenter');
const pins = memoryRootPins();

/** The canaries one file wrote, by the field they stand in. */
export class Canaries {
  readonly written = new Map<string, string>();

  /** A fresh canary for `field`, remembered to be searched for. */
  secret(field: string): string {
    const value = canary(field);
    this.written.set(field, value);
    return value;
  }

  get(field: string): string | undefined {
    return this.written.get(field);
  }
}

/** The canaries global-setup.ts wrote while making the center: passphrases and recovery codes. */
export function centerCanaries(canaries: Canaries) {
  for (const [field, value] of center.canaries) canaries.written.set(field, value);
}

export async function storedBytes(): Promise<Buffer> {
  const files = await readdir(stateDir, { recursive: true, withFileTypes: true });
  const contents = await Promise.all(
    files.filter((file) => file.isFile()).map((file) => readFile(join(file.parentPath, file.name))),
  );
  return Buffer.concat(contents);
}

/** The paths of every file the server stored below its state directory. */
export async function storedPaths(): Promise<string[]> {
  return (await readdir(stateDir, { recursive: true })).map(String);
}

/** The center's admin, signed in: their API and the org root seed they certify people with. */
export async function signInAdmin() {
  const api = nodeApiClient(baseURL);
  const signedIn = await signInWithPassphrase(api, pins, center.admin.email, center.admin.passphrase);
  const rootSeed = signedIn.keys.orgRootSeed;
  if (!rootSeed) throw new Error('the admin holds no org root seed');
  return { api, rootSeed, context: await contextOf(api, signedIn.keys) };
}

/** The member of the front-desk group global-setup.ts brought in, signed in. */
export function signInFrontDesk(): Promise<CaseContext> {
  return signIn(baseURL, pins, center.frontDesk.email, center.frontDesk.passphrase);
}

/** A person of this file's own, brought in by the admin with a canary passphrase. */
export async function member(
  admin: Awaited<ReturnType<typeof signInAdmin>>,
  canaries: Canaries,
  email: string,
  roles: Role[],
): Promise<CaseContext> {
  const passphrase = canaries.secret(`passphrase-${email}`);
  const { context, recoveryCode } = await bringIn(baseURL, pins, admin, { email, roles, passphrase });
  canaries.written.set(`recovery-code-${email}`, recoveryCode);
  return context;
}

/** The closing check of every privacy file: none of its canaries (at least `fewest`) was stored. */
export function itFindsNoCanary(canaries: Canaries, fewest: number) {
  it('finds no canary of any secret field, card, passphrase, recovery code or note in any encoding', async () => {
    const bytes = await storedBytes();
    expect(canaries.written.size).toBeGreaterThanOrEqual(fewest);
    const leaks = [...canaries.written].flatMap(([field, value]) =>
      findLeaks(bytes, value).map((encoding) => `${field} as ${encoding}`),
    );
    expect(leaks).toEqual([]);
  });
}
