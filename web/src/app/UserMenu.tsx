import { DropdownMenu } from '@kobalte/core/dropdown-menu';
import { useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import type { SessionUser } from '../lib/account';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { ChevronDownIcon, KeyIcon, LockIcon, LogoutIcon, UsersIcon } from '../ui/icons';

export function UserMenu(props: { user: SessionUser }) {
  const { t } = useI18n();
  const { lock, logOut } = useSession();
  const navigate = useNavigate();
  const initial = () => Array.from(props.user.displayName.trim())[0] ?? '?';
  const roleNames = () => props.user.roles.map((role) => t(`role.${role}`)).join(' · ');

  // The keys and the session go at once, inside logOut(); leave before its request returns, or a
  // late navigation would undo a link the person clicks on the login page meanwhile.
  const logOutAndLeave = async () => {
    const loggedOut = logOut();
    navigate('/login', { replace: true });
    await loggedOut;
  };

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger class="button button--quiet user-menu__trigger">
        <span class="user-menu__avatar" aria-hidden="true">
          {initial()}
        </span>
        <span class="user-menu__name">{props.user.displayName}</span>
        {/* Named by its visible text plus this, so speech input can say the name it shows. */}
        <span class="visually-hidden">{t('shell.userMenu')}</span>
        <ChevronDownIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="menu__content">
          <div class="menu__label">
            <div class="user-menu__email">{props.user.email}</div>
            <div>{roleNames()}</div>
          </div>
          <DropdownMenu.Separator class="menu__separator" />
          <DropdownMenu.Item class="menu__item" onSelect={() => navigate('/account/passphrase')}>
            <KeyIcon />
            {t('account.passphrase.menu')}
          </DropdownMenu.Item>
          <Show when={props.user.roles.includes('counselor')}>
            <DropdownMenu.Item class="menu__item" onSelect={() => navigate('/account/profile')}>
              <UsersIcon />
              {t('profile.page.menu')}
            </DropdownMenu.Item>
          </Show>
          <DropdownMenu.Item class="menu__item" onSelect={lock}>
            <LockIcon />
            {t('shell.lock')}
          </DropdownMenu.Item>
          <DropdownMenu.Item class="menu__item" onSelect={() => void logOutAndLeave()}>
            <LogoutIcon />
            {t('shell.logout')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
