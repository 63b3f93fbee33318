import { checkPinnedRoot, fromBase64Url, toBase64Url } from '../../../../crypto/index';

/**
 * PROTOCOL §4: the org root public key a browser saw first is pinned; a different one later is a
 * hard error. The pin is public data, so the browser keeps it in localStorage.
 */
export interface RootPinStore {
  get(orgId: string): Uint8Array | undefined;
  set(orgId: string, rootPk: Uint8Array): void;
}

export function localStorageRootPins(storage: Storage): RootPinStore {
  const key = (orgId: string) => `tacit.rootPin.${orgId}`;
  return {
    get(orgId) {
      const pinned = storage.getItem(key(orgId));
      return pinned ? fromBase64Url(pinned) : undefined;
    },
    set(orgId, rootPk) {
      storage.setItem(key(orgId), toBase64Url(rootPk));
    },
  };
}

export function memoryRootPins(): RootPinStore {
  const pins = new Map<string, Uint8Array>();
  return { get: (orgId) => pins.get(orgId), set: (orgId, rootPk) => void pins.set(orgId, rootPk) };
}

/** Trust on first use, then the same key forever. */
export function pinRoot(pins: RootPinStore, orgId: string, servedRootPk: Uint8Array): void {
  checkPinnedRoot(pins.get(orgId), servedRootPk);
  if (!pins.get(orgId)) pins.set(orgId, servedRootPk);
}
