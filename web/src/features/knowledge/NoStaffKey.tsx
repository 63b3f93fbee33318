import { useI18n } from '../../lib/i18n';

/**
 * The staff key reaches a person only when a holder's browser wraps it to them (lib/protocol/
 * knowledge/staff-key.ts does so on every holder's visit), so the way forward is a holder's visit.
 */
export function NoStaffKey(props: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section class="card knowledge-no-key" aria-labelledby="knowledge-no-key-title">
      <h2 id="knowledge-no-key-title" class="card__title">
        {t('knowledge.noKey.title')}
      </h2>
      <p>{t('knowledge.noKey.body')}</p>
      <p>{t('knowledge.noKey.action')}</p>
      <button type="button" class="button" onClick={() => props.onRetry()}>
        {t('knowledge.noKey.retry')}
      </button>
    </section>
  );
}
