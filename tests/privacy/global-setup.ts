import type { TestProject } from 'vitest/node';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import { createFrontDeskGroup } from '../../web/src/lib/protocol/cases/index.js';
import { createOrganization, memoryRootPins } from '../../web/src/lib/protocol/index.js';
import { startLocalServer } from '../support/local-server.js';
import { canary } from './canary.js';
import { bringIn, contextOf } from './people.js';

declare module 'vitest' {
  export interface ProvidedContext {
    privacyBaseURL: string;
    privacyStateDir: string;
    /**
     * The one center every privacy file works in: its admin, its front desk (the group's member),
     * and the canaries their making wrote.
     */
    privacyCenter: {
      admin: { email: string; passphrase: string };
      frontDesk: { email: string; passphrase: string };
      canaries: [string, string][];
    };
  }
}

/**
 * Its own server and database: the privacy suite reads every byte the server stored. A server
 * holds one organization, so it is made here, once, with its front-desk group (which every
 * client's card is wrapped to once it exists); each file signs in whom it needs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startLocalServer('privacy', { withWeb: false });
  try {
    const admin = { email: 'admin@privacy.example', passphrase: canary('admin-passphrase') };
    const frontDesk = { email: 'desk@privacy.example', passphrase: canary('frontdesk-passphrase') };
    const pins = memoryRootPins();
    const adminApi = nodeApiClient(server.baseURL);
    const created = await createOrganization(adminApi, pins, {
      name: '隐私测试中心',
      admin: { displayName: 'Admin', ...admin },
      recovery: { threshold: 2, total: 3 },
    });
    const desk = await bringIn(
      server.baseURL,
      pins,
      { api: adminApi, rootSeed: created.keys.orgRootSeed as Uint8Array },
      { ...frontDesk, roles: ['frontdesk'] },
    );
    await createFrontDeskGroup(await contextOf(adminApi, created.keys), '前台');
    project.provide('privacyCenter', {
      admin,
      frontDesk,
      canaries: [
        ['admin-passphrase', admin.passphrase],
        ['admin-recovery-code', created.recoveryCode],
        ...created.recoveryShares.map((share): [string, string] => [
          `recovery-share-${share.index}`,
          share.text,
        ]),
        ['frontdesk-passphrase', frontDesk.passphrase],
        ['recovery-code-frontdesk', desk.recoveryCode],
      ],
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('privacyBaseURL', server.baseURL);
  project.provide('privacyStateDir', server.stateDir);
  return server.stop;
}
