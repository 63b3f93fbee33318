import {
  type Accessor,
  createContext,
  createResource,
  createSignal,
  type ParentProps,
  type Resource,
  useContext,
} from 'solid-js';
import * as account from './account';
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
}

const SessionContext = createContext<SessionContextValue>();

export function SessionProvider(props: ParentProps) {
  const { vault, setIdleTimeout } = useVault();
  const [bootstrap, { refetch }] = createResource(account.fetchBootstrap);
  // undefined: nothing happened in this page yet, so the bootstrap answer stands.
  const [localSession, setLocalSession] = createSignal<account.Session | null | undefined>(undefined);
  const [organizationCreated, setOrganizationCreated] = createSignal(false);

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
    signIn({ session: signedIn, keys }) {
      vault.unlock(keys);
      setIdleTimeout(signedIn.idleTimeoutMs);
      setOrganizationCreated(true);
      setLocalSession(signedIn);
    },
    async unlock(passphrase) {
      const current = session();
      if (!current) throw new Error('unlock needs a session');
      vault.unlock(await account.unlockKeys(current, passphrase));
      setIdleTimeout(current.idleTimeoutMs);
    },
    lock: () => vault.lock(),
    async logOut() {
      vault.lock();
      setLocalSession(null);
      try {
        await account.logOut();
      } catch {
        // The cookie expires on its own; the keys are already gone, which is what protects clients.
      }
    },
  };

  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
