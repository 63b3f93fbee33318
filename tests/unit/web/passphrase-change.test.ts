import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type SessionView, sessionViewSchema } from '../../../core/api/index';
import {
  createPassphraseCredentials,
  derivePassphraseKeys,
  fromBase64Url,
  generateUserKeys,
  KDF_DEFAULT,
  KDF_FLOOR,
  openRecoveryBundle,
  parseRecoveryCode,
  randomBytes,
  toBase64Url,
  type UserKeys,
  unlockWithPassphrase,
} from '../../../crypto/index';
import type { ApiClient } from '../../../web/src/lib/api-client';
import { changePassphrase } from '../../../web/src/lib/protocol/passphrase';

/**
 * PROTOCOL §4 passphrase change as the browser runs it. The server is the outside world here: a
 * stand-in that answers the session look-up and records the change request (the Worker's side is
 * covered in tests/worker/auth.test.ts, the whole journey in tests/e2e/journey.test.ts).
 */

const currentPassphrase = '春天的湖边有三棵柳树和一只白鹭';
const newPassphrase = '楼下的面包店每天早上七点开门卖豆沙包';

async function accountOnServer(keys: UserKeys) {
  const userId = crypto.randomUUID();
  // The floor keeps this test quick and shows that a change raises the parameters to the default.
  const login = await createPassphraseCredentials(currentPassphrase, userId, keys, KDF_FLOOR);
  const view: SessionView = {
    user: {
      id: userId,
      email: 'wang.fang@xinqing.example',
      displayName: '王芳',
      roles: ['counselor'],
      status: 'active',
      x25519Pk: toBase64Url(keys.x25519Pk),
      ed25519Pk: toBase64Url(keys.ed25519Pk),
      cert: null,
      createdAt: 0,
      supervisorId: null,
    },
    org: {
      id: crypto.randomUUID(),
      name: '心晴心理咨询中心',
      rootPk: toBase64Url(randomBytes(32)),
      recoveryPk: toBase64Url(randomBytes(32)),
      recoveryThreshold: 2,
      recoveryShareCount: 3,
      settings: {
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
      },
    },
    kdf: { salt: toBase64Url(login.salt), m: login.params.m, t: login.params.t, p: 1 },
    keyBundle: toBase64Url(login.keyBundle),
    rootWrap: null,
    session: { idleExpiresAt: 0, absoluteExpiresAt: 0 },
  };
  const requests: { path: string; body: Record<string, unknown> }[] = [];
  const api: ApiClient = {
    get: async <S extends z.ZodType>(_path: string, schema: S) => schema.parse(view),
    send: async <S extends z.ZodType>(_method: string, path: string, body: unknown, schema: S) => {
      requests.push({ path, body: body as Record<string, unknown> });
      return schema.parse({ ok: true });
    },
  };
  return { api, view: sessionViewSchema.parse(view), requests, salt: login.salt };
}

describe('changing the passphrase in the browser', () => {
  it('re-seals the same keys under the new passphrase and proves the current one', async () => {
    const keys = generateUserKeys();
    const server = await accountOnServer(keys);

    const changed = await changePassphrase(server.api, {
      current: { passphrase: currentPassphrase },
      newPassphrase,
      keys,
      rotateRecoveryCode: false,
    });

    expect(changed.recoveryCode).toBeNull();
    const [request] = server.requests;
    expect(request?.path).toBe('/api/auth/passphrase');
    const body = request?.body as { currentAuthKey: string; kdf: SessionView['kdf']; keyBundle: string };
    const proof = await derivePassphraseKeys(currentPassphrase, server.salt, KDF_FLOOR);
    expect(body.currentAuthKey).toBe(toBase64Url(proof.auth));
    expect(body).not.toHaveProperty('recovery');
    expect(body.kdf).toMatchObject({ m: KDF_DEFAULT.m, t: KDF_DEFAULT.t, p: 1 });
    expect(body.kdf.salt).not.toBe(server.view.kdf.salt);

    const reopened = await unlockWithPassphrase(
      newPassphrase,
      server.view.user.id,
      fromBase64Url(body.kdf.salt),
      { m: body.kdf.m, t: body.kdf.t, p: body.kdf.p },
      fromBase64Url(body.keyBundle),
    );
    expect(reopened.x25519Sk).toEqual(keys.x25519Sk);
    expect(reopened.ed25519Seed).toEqual(keys.ed25519Seed);
  });

  it('after a recovery-code login, proves the recovery auth key and issues a new recovery code', async () => {
    const keys = generateUserKeys();
    const server = await accountOnServer(keys);
    const recoveryAuthKey = randomBytes(32);

    const changed = await changePassphrase(server.api, {
      current: { recoveryAuthKey },
      newPassphrase,
      keys,
      rotateRecoveryCode: true,
    });

    const body = server.requests[0]?.body as {
      currentRecoveryAuthKey: string;
      currentAuthKey?: string;
      recovery: { recoveryBundle: string; recoveryAuthKey: string };
    };
    expect(body.currentRecoveryAuthKey).toBe(toBase64Url(recoveryAuthKey));
    expect(body.currentAuthKey).toBeUndefined();
    expect(changed.recoveryCode).not.toBeNull();
    const opened = openRecoveryBundle(
      parseRecoveryCode(changed.recoveryCode ?? ''),
      server.view.user.id,
      fromBase64Url(body.recovery.recoveryBundle),
    );
    expect(opened.x25519Sk).toEqual(keys.x25519Sk);
    expect(opened.ed25519Seed).toEqual(keys.ed25519Seed);
  });

  it('refuses to re-seal keys that are not the account’s, and sends nothing', async () => {
    const server = await accountOnServer(generateUserKeys());

    await expect(
      changePassphrase(server.api, {
        current: { passphrase: currentPassphrase },
        newPassphrase,
        keys: generateUserKeys(),
        rotateRecoveryCode: false,
      }),
    ).rejects.toMatchObject({ code: 'tampered' });
    expect(server.requests).toEqual([]);
  });
});
