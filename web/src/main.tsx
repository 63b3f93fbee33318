import { Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { routes } from './app/routes';
import { I18nProvider } from './lib/i18n';
import { SessionProvider } from './lib/session';
import { VaultProvider } from './lib/vault-context';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './app/shell.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

render(
  () => (
    <I18nProvider>
      <VaultProvider>
        <SessionProvider>
          <Router>{routes}</Router>
        </SessionProvider>
      </VaultProvider>
    </I18nProvider>
  ),
  root,
);
