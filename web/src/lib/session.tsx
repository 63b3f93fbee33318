import {
  type Accessor,
  createContext,
  createResource,
  createSignal,
  onCleanup,
  type ParentProps,
  type Resource,
  useContext,
} from 'solid-js';
import type * as account from './account';
import { AppError } from './errors';

/** Accounts need zod and the crypto: loaded on first use, never with the first screen. */
const loadAccount = () => import('./account');

import { useVault } from './vault-context';

export interface SessionContextValue {
  /** What the server said on load; errors when it cannot be reached. */
  readonly bootstrap: Resource<account.Bootstrap>;
  retryBootstrap(): void;
  /** True or false once known; undefined while loading or unreachable. */
  readonly organizationExists: Accessor<boolean | undefined>;
  readonly session: Accessor<account.Session | null>;
  /** Records a successful setup or login and moves its keys into the vault. */
  signIn(signedIn: account.SignedIn): void;
  /** Re-opens the keys after a lock. Rejects with an AppError on a wrong passphrase. */
  unlock(passphrase: string): Promise<void>;
  lock(): void;
  /** Wipes the keys first, then ends the server session; local state is cleared even if the server is unreachable. */
  logOut(): Promise<void>;
  /**
   * True from a recovery-code login until the person has set a new passphrase and saved the new
   * recovery code; the app shows nothing else meanwhile. A lock ends it (the proof is wiped).
   */
  readonly mustSetPassphrase: Accessor<boolean>;
  /**
   * Re-seals the vault's keys under a new passphrase, proving the current one or, while
   * `mustSetPassphrase`, the recovery code just used (a new one is then issued). Rejects with an AppError.
   */
  changePassphrase(change: {
    currentPassphrase: string | null;
    newPassphrase: string;
  }): Promise<account.ChangedPassphrase>;
  /** Called once the new recovery code is saved: the app opens normally. */
  finishRecovery(): void;
}

const SessionContext = createContext<SessionContextValue>();

export function SessionProvider(props: ParentProps) {
  const { vault, setIdleTimeout } = useVault();
  const [bootstrap, { refetch }] = createResource(async () => (await loadAccount()).fetchBootstrap());
  // undefined: nothing happened in this page yet, so the bootstrap answer stands.
  const [localSession, setLocalSession] = createSignal<account.Session | null | undefined>(undefined);
  const [organizationCreated, setOrganizationCreated] = createSignal(false);

  // Memory only, and only until the new passphrase is set or the vault locks (PROTOCOL §4).
  let recoveryProof: account.RecoveryProof | null = null;
  const [mustSetPassphrase, setMustSetPassphrase] = createSignal(false);
  const forgetRecoveryProof = () => {
    recoveryProof?.recoveryAuthKey.fill(0);
    recoveryProof = null;
  };
  onCleanup(
    vault.subscribe((state) => {
      if (state !== 'locked') return;
      forgetRecoveryProof();
      setMustSetPassphrase(false);
    }),
  );
  onCleanup(forgetRecoveryProof);

  const loaded = () => (bootstrap.state === 'ready' ? bootstrap() : undefined);

  const session = () => {
    const local = localSession();
    return local === undefined ? (loaded()?.session ?? null) : local;
  };

  const value: SessionContextValue = {
    bootstrap,
    retryBootstrap: () => void refetch(),
    organizationExists: () => (organizationCreated() ? true : loaded()?.organizationExists),
    session,
    signIn({ session: signedIn, keys, recoveryProof: proof }) {
      vault.unlock(keys);
      forgetRecoveryProof();
      recoveryProof = proof ?? null;
      setMustSetPassphrase(proof !== undefined);
      setIdleTimeout(signedIn.idleTimeoutMs);
      setOrganizationCreated(true);
      setLocalSession(signedIn);
    },
    async unlock(passphrase) {
      const current = session();
      if (!current) throw new Error('unlock needs a session');
      const account = await loadAccount();
      vault.unlock(await account.unlockKeys(current, passphrase));
      setIdleTimeout(current.idleTimeoutMs);
    },
    lock: () => vault.lock(),
    async logOut() {
      vault.lock();
      setLocalSession(null);
      try {
        await (await loadAccount()).logOut();
      } catch {
        // The cookie expires on its own; the keys are already gone, which is what protects clients.
      }
    },
    mustSetPassphrase,
    async changePassphrase({ currentPassphrase, newPassphrase }) {
      const proof = recoveryProof;
      const current =
        currentPassphrase !== null ? { passphrase: currentPassphrase } : proof && { recoveryProof: proof };
      if (!current) throw new AppError('session_expired');
      const account = await loadAccount();
      const changed = await vault.withKeys((keys) =>
        account.changePassphrase(keys, {
          current,
          newPassphrase,
          rotateRecoveryCode: currentPassphrase === null,
        }),
      );
      if (proof === recoveryProof) forgetRecoveryProof();
      return changed;
    },
    finishRecovery: () => setMustSetPassphrase(false),
  };

  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
