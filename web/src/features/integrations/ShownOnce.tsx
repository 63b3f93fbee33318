import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';

/** A secret the server will never show again: an API key or a webhook signing secret. */
export function ShownOnce(props: { label: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Alert tone="warning">
      <p>{props.label}</p>
      <p>
        <code class="shown-once__secret" data-testid="shown-once-secret">
          {props.secret}
        </code>
      </p>
      <p class="muted">{t('integrations.shownOnce')}</p>
      <button type="button" class="button" onClick={() => props.onDone()}>
        {t('integrations.shownOnce.done')}
      </button>
    </Alert>
  );
}
