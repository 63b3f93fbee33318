import { createSignal, Show } from 'solid-js';
import { accessReport, type NamedAuditEvent } from '../../lib/compliance';
import { AppError, errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AccessEventTable } from './AccessEventTable';

/** A client's id, or failing that a case's: a client often knows only their case. */
async function reportOn(id: string): Promise<readonly NamedAuditEvent[]> {
  try {
    return await accessReport({ clientId: id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'no_case_access') return accessReport({ caseId: id });
    throw error;
  }
}

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A client asks who accessed their data: a director lists the events on them and their cases. */
export function ClientReportSection() {
  const { t } = useI18n();
  const [clientId, setClientId] = createSignal('');
  const [events, setEvents] = createSignal<readonly NamedAuditEvent[] | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [loading, setLoading] = createSignal(false);
  const id = () => clientId().trim().toLowerCase();

  const build = async (event: SubmitEvent) => {
    event.preventDefault();
    setFailure(null);
    setEvents(null);
    setLoading(true);
    try {
      setEvents(await reportOn(id()));
    } catch (error) {
      setFailure(error);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section class="card" aria-labelledby="report-heading">
      <h2 class="card__title" id="report-heading">
        {t('rights.report.heading')}
      </h2>
      <p class="muted">{t('rights.report.intro')}</p>
      <form class="inline-form" onSubmit={(event) => void build(event)} novalidate>
        <label class="field">
          <span class="field__label">{t('rights.report.clientId')}</span>
          <input
            class="field__input"
            value={clientId()}
            spellcheck={false}
            onInput={(event) => setClientId(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button" disabled={loading() || !FULL_ID.test(id())}>
          {loading() ? t('common.loading') : t('rights.report.submit')}
        </button>
      </form>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={events()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t('accessLog.empty')}</p>}>
            <AccessEventTable events={list()} caption={t('rights.report.heading')} />
          </Show>
        )}
      </Show>
    </section>
  );
}
