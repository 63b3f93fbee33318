import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { type FormDefinition, type FormValues, validateValues } from '../../../../core/forms/index';
import { PublicFrame } from '../../app/PublicFrame';
import { useI18n } from '../../lib/i18n';
import {
  openPortalForm,
  PortalError,
  type PortalFailure,
  type PortalLink,
  parsePortalFragment,
  submitPortalForm,
} from '../../lib/portal';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { FormRenderer, visibleValues } from '../forms/FormRenderer';
import { localized } from '../forms/localized';
import { forgetPortalLink, takePortalLink } from './portal-link';
import './portal.css';

/** The client's view of the form: answers, not scores (the counselor interprets those). */
function withoutScores(form: FormDefinition): FormDefinition {
  return { ...form, fields: form.fields.filter((field) => field.type !== 'score') };
}

/** Failures a second try may cure; the others need a new link from the counselor. */
const TRANSIENT: readonly PortalFailure[] = ['network', 'unknown'];

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * /portal#token=…&key=…: a client fills one form on their phone, without an account. The answers
 * are sealed in this browser to the case's inbox key; only the form's operational part (a date, a
 * score) travels readable.
 */
export function PortalPage() {
  const { t } = useI18n();
  const link = takePortalLink(window.location, window.history, window.sessionStorage, parsePortalFragment);
  const [opened, { refetch }] = createResource(() => link ?? false, openPortalForm);
  const [sent, setSent] = createSignal(false);
  const failure = (error: unknown): PortalFailure =>
    error instanceof PortalError ? error.failure : 'unknown';

  return (
    <PublicFrame>
      <div class="card portal-card">
        <Switch>
          <Match when={sent()}>
            <h1>{t('portal.fill.thanks.title')}</h1>
            <p class="lead">{t('portal.fill.thanks.body')}</p>
          </Match>
          <Match when={!link}>
            <h1>{t('portal.fill.invalid.title')}</h1>
            <p class="lead">{t('portal.fill.error.portal_link_invalid')}</p>
          </Match>
          <Match when={opened.state === 'errored' && TRANSIENT.includes(failure(opened.error))}>
            <h1>{t('portal.fill.failed.title')}</h1>
            <p class="lead" role="alert">
              {t(`portal.fill.error.${failure(opened.error)}`)}
            </p>
            <button type="button" class="button button--primary" onClick={() => void refetch()}>
              {t('common.retry')}
            </button>
          </Match>
          <Match when={opened.state === 'errored'}>
            <h1>{t('portal.fill.invalid.title')}</h1>
            <p class="lead">{t(`portal.fill.error.${failure(opened.error)}`)}</p>
          </Match>
          <Match when={opened.state === 'ready' && link ? { link, opened: opened() } : undefined}>
            {(ready) => (
              <PortalForm
                link={ready().link}
                opened={ready().opened}
                onSent={() => {
                  forgetPortalLink(window.sessionStorage);
                  setSent(true);
                }}
                failure={failure}
              />
            )}
          </Match>
          <Match when={true}>
            <Loading label={t('portal.fill.opening')} />
          </Match>
        </Switch>
      </div>
    </PublicFrame>
  );
}

function PortalForm(props: {
  link: PortalLink;
  opened: Awaited<ReturnType<typeof openPortalForm>>;
  onSent: () => void;
  failure: (error: unknown) => PortalFailure;
}) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const form = () => props.opened.form;
  const shown = () => withoutScores(form());
  const [values, setValues] = createSignal<FormValues>(
    form().fields.some((field) => field.id === 'completed_on') ? { completed_on: today() } : {},
  );
  const [touched, setTouched] = createSignal<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const invalid = () => validateValues(form(), visibleValues(form(), values())).length > 0;

  const change = (fieldId: string, value: unknown) => {
    setValues((current) => ({ ...current, [fieldId]: value }));
    setTouched((current) => new Set([...current, fieldId]));
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (sending()) return;
    setAttempted(true);
    if (invalid()) return;
    setSending(true);
    setError(null);
    try {
      await submitPortalForm(props.link, props.opened, visibleValues(form(), values()));
      props.onSent();
    } catch (caught) {
      setError(caught);
      setSending(false);
    }
  };

  return (
    <>
      <p class="muted portal-card__org">{props.opened.view.orgName}</p>
      <h1>{localized(i18n, form().title)}</h1>
      <Show when={form().description}>
        {(description) => <p class="lead">{localized(i18n, description())}</p>}
      </Show>
      <Alert tone="info">
        {t('portal.fill.privacy', { date: formatDateTime(props.opened.view.expiresAt) })}
      </Alert>
      <form
        class="record-editor portal-form"
        onSubmit={(event) => void submit(event)}
        novalidate
        aria-busy={sending()}
      >
        <FormRenderer
          form={shown()}
          values={values()}
          onChange={change}
          showAllErrors={attempted()}
          touched={touched()}
          disabled={sending()}
        />
        <Show when={attempted() && invalid()}>
          <Alert tone="error">{t('form.fixErrors')}</Alert>
        </Show>
        <Show when={error()}>
          <Alert tone="error">{t(`portal.fill.error.${props.failure(error())}`)}</Alert>
        </Show>
        <button type="submit" class="button button--primary button--block" disabled={sending()}>
          {sending() ? t('portal.fill.sending') : t('portal.fill.submit')}
        </button>
      </form>
    </>
  );
}
