import { useI18n } from '../../lib/i18n';
import { ApiKeysSection } from './ApiKeysSection';
import { WebhooksSection } from './WebhooksSection';
import './integrations.css';

/** The admin's integrations: API keys, outbound webhooks, the API reference and the booking widget. */
export function IntegrationsPage() {
  const { t } = useI18n();
  const origin = window.location.origin;
  const snippet = `<script src="${origin}/widget.js" data-lang="zh-CN" async></script>`;
  return (
    <div class="admin-page integrations-page">
      <div class="page-header">
        <h1>{t('integrations.heading')}</h1>
      </div>
      <p class="muted">{t('integrations.intro')}</p>
      <ApiKeysSection />
      <WebhooksSection />
      <section class="card" aria-labelledby="widget-heading">
        <h2 class="card__title" id="widget-heading">
          {t('integrations.widget.heading')}
        </h2>
        <p class="muted">{t('integrations.widget.intro')}</p>
        <pre class="code-block">
          <code>{snippet}</code>
        </pre>
        <p class="muted">{t('integrations.widget.privacy')}</p>
      </section>
      <section class="card" aria-labelledby="reference-heading">
        <h2 class="card__title" id="reference-heading">
          {t('integrations.reference.heading')}
        </h2>
        <p class="muted">{t('integrations.reference.intro')}</p>
        <p class="button-row">
          <a class="button" href="/api/reference" target="_blank" rel="noopener">
            {t('integrations.reference.page')}
          </a>
          <a class="button" href="/api/openapi.json" target="_blank" rel="noopener">
            {t('integrations.reference.json')}
          </a>
        </p>
      </section>
    </div>
  );
}
