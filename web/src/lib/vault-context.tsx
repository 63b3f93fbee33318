import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  onCleanup,
  type ParentProps,
  useContext,
} from 'solid-js';
import { DEFAULT_IDLE_TIMEOUT_MS, watchIdle } from './idle';
import { createKeyVault, type KeyVault, type VaultState } from './vault';

export interface VaultContextValue {
  readonly vault: KeyVault;
  readonly state: Accessor<VaultState>;
  /** Minutes of no input before the vault locks itself; the server's session setting in practice. */
  setIdleTimeout(ms: number): void;
}

const VaultContext = createContext<VaultContextValue>();

export function VaultProvider(props: ParentProps) {
  const vault = createKeyVault();
  const [state, setState] = createSignal<VaultState>(vault.state);
  const [idleTimeoutMs, setIdleTimeoutMs] = createSignal(DEFAULT_IDLE_TIMEOUT_MS);

  onCleanup(vault.subscribe(setState));

  createEffect(() => {
    if (state() !== 'unlocked') return;
    onCleanup(watchIdle(window, idleTimeoutMs(), () => vault.lock()));
  });

  // Leaving the page (close, navigate away, bfcache) must not leave key bytes behind.
  const lockOnPageHide = () => vault.lock();
  window.addEventListener('pagehide', lockOnPageHide);
  onCleanup(() => {
    window.removeEventListener('pagehide', lockOnPageHide);
    vault.lock();
  });

  const value: VaultContextValue = {
    vault,
    state,
    setIdleTimeout(ms) {
      if (Number.isFinite(ms) && ms > 0) setIdleTimeoutMs(ms);
    },
  };

  return <VaultContext.Provider value={value}>{props.children}</VaultContext.Provider>;
}

export function useVault(): VaultContextValue {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault must be used inside <VaultProvider>');
  return value;
}
