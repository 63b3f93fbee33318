import { render } from 'solid-js/web';
import { I18nProvider } from '../lib/i18n';
import { WidgetApp } from './WidgetApp';
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/components.css';
import './widget.css';

const root = document.getElementById('widget');
if (!root) throw new Error('widget.html has no #widget element');

render(
  () => (
    <I18nProvider parts={['counselor-profiles', 'integrations']}>
      <WidgetApp />
    </I18nProvider>
  ),
  root,
);
