import { groupListSchema, sessionViewSchema } from '../../core/api/index.js';
import { fromBase64Url } from '../../crypto/index.js';
import { createFrontDeskGroup, memoryCaseCheckpoints } from '../../web/src/lib/protocol/cases/index.js';
import { memoryRootPins, signInWithPassphrase } from '../../web/src/lib/protocol/index.js';
import { nodeApiClient } from './node-api.js';
import type { DemoPerson } from './people.js';

/**
 * The front-desk key, made once by the admin's "browser" as the admin page does (booking requests
 * are sealed to it): a real key pair, wrapped to the certified front-desk members.
 */
export async function ensureFrontDeskKey(
  baseUrl: string,
  admin: DemoPerson,
): Promise<'made' | 'already there'> {
  const api = nodeApiClient(baseUrl);
  const signedIn = await signInWithPassphrase(api, memoryRootPins(), admin.email, admin.passphrase);
  const { groups } = await api.get('/api/groups', groupListSchema);
  if (groups.length > 0) return 'already there';
  const view = await api.get('/api/auth/session', sessionViewSchema);
  await createFrontDeskGroup(
    {
      api,
      orgId: view.org.id,
      rootPk: fromBase64Url(view.org.rootPk),
      recoveryPk: fromBase64Url(view.org.recoveryPk),
      me: { id: view.user.id, keys: signedIn.keys },
      checkpoints: memoryCaseCheckpoints(),
    },
    '前台',
  );
  return 'made';
}
