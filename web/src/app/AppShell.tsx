import { Dialog } from '@kobalte/core/dialog';
import { createSignal, ErrorBoundary, type ParentProps, Show } from 'solid-js';
import { NotificationBell } from '../features/notifications/NotificationBell';
import type { Session } from '../lib/account';
import { useI18n } from '../lib/i18n';
import { BrandMark } from '../ui/BrandMark';
import { MenuIcon } from '../ui/icons';
import { LocaleSwitch } from '../ui/LocaleSwitch';
import { createReturnFocus } from '../ui/return-focus';
import { NavList } from './NavList';
import { canSearch, navigationFor } from './navigation';
import { ShellSearch } from './ShellSearch';
import { PageFailure } from './StatusPages';
import { UserMenu } from './UserMenu';

/** The signed-in frame: sidebar by role, top bar, content. Below laptop width the sidebar becomes a drawer. */
export function AppShell(props: ParentProps<{ session: Session }>) {
  const { t } = useI18n();
  const [drawerOpen, setDrawerOpen] = createSignal(false);
  const returnFocus = createReturnFocus(() => drawerOpen());
  const sections = () => navigationFor(props.session.user.roles);

  return (
    <div class="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an anchor by convention (screen readers list it with the links); the router would take its fragment as a navigation, so the click moves focus itself */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <aside class="shell__sidebar">
        <div class="shell__brand">
          <BrandMark />
        </div>
        <nav aria-label={t('shell.navigation')}>
          <NavList sections={sections()} />
        </nav>
      </aside>

      <Dialog open={drawerOpen()} onOpenChange={setDrawerOpen}>
        <Dialog.Portal>
          <Dialog.Overlay class="dialog__overlay" />
          <Dialog.Content onCloseAutoFocus={returnFocus} class="nav-drawer">
            <div class="nav-drawer__header">
              <Dialog.Title class="nav-drawer__title">
                <BrandMark />
              </Dialog.Title>
              <Dialog.CloseButton class="button button--quiet">{t('common.close')}</Dialog.CloseButton>
            </div>
            <nav aria-label={t('shell.navigation')}>
              <NavList sections={sections()} onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog>

      <header class="shell__topbar">
        <button
          type="button"
          class="button button--quiet shell__menu-button"
          aria-label={t('shell.openMenu')}
          aria-expanded={drawerOpen()}
          onClick={() => setDrawerOpen(true)}
        >
          <MenuIcon />
        </button>
        <span class="shell__org">{props.session.organization.name}</span>
        <Show when={canSearch(props.session.user.roles)}>
          <ShellSearch />
        </Show>
        <div class="shell__actions">
          <NotificationBell roles={props.session.user.roles} />
          <LocaleSwitch />
          <UserMenu user={props.session.user} />
        </div>
      </header>

      <main id="main" class="shell__main" tabindex="-1">
        {/* a page that fails to draw (its code could not be fetched, a bug) takes only itself down */}
        <ErrorBoundary fallback={(error, reset) => <PageFailure error={error} onRetry={reset} />}>
          {props.children}
        </ErrorBoundary>
      </main>
    </div>
  );
}
