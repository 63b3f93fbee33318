import { useI18n } from '../../lib/i18n';
import { AccessRequestForm } from './AccessRequestForm';

/** Shown on a case this person cannot open: ask its primary counselor for temporary access. */
export function RequestAccessPanel(props: { caseId: string }) {
  const { t } = useI18n();
  return (
    <section class="card request-access" aria-labelledby="request-heading">
      <h2 class="card__title" id="request-heading">
        {t('access.heading')}
      </h2>
      <p class="muted">{t('access.intro')}</p>
      <AccessRequestForm caseId={props.caseId} />
    </section>
  );
}
