import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { BookingPreferences, WidgetConfig } from '../../../core/api/index';
import { ApiError, createApiClient } from '../lib/api-client';
import { toAppError } from '../lib/app-errors';
import { AppError, errorMessageKey, isAppErrorCode } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { isLocale } from '../lib/i18n/messages';
import { Alert } from '../ui/Alert';
import { TextField } from '../ui/TextField';
import { loadConfig, loadServices, loadSlots, sendBookingRequest, visitFrom } from './booking';
import { PreferenceFields } from './PreferenceFields';
import { renderTurnstile } from './turnstile';

const api = createApiClient();

/** The host page sizes the iframe to the widget (web/public/widget.js listens for this). */
function reportHeight() {
  const observer = new ResizeObserver(() => {
    window.parent.postMessage(
      { type: 'tacit-widget-height', height: document.documentElement.scrollHeight },
      '*',
    );
  });
  observer.observe(document.documentElement);
  return () => observer.disconnect();
}

function widgetError(error: unknown): AppError {
  if (error instanceof ApiError && isAppErrorCode(error.code)) return new AppError(error.code, error.message);
  return toAppError(error);
}

function SlotTime(props: { start: number; timeZone: string }) {
  const { locale } = useI18n();
  return (
    <>
      {new Intl.DateTimeFormat(locale(), {
        timeZone: props.timeZone,
        weekday: 'short',
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(props.start)}
    </>
  );
}

/** Whether the visitor wished for anything: an empty wish is not sealed at all. */
const stated = (wish: BookingPreferences) =>
  wish.language !== undefined || wish.topics.length > 0 || wish.counselorGender !== undefined;

function BookingForm(props: { config: WidgetConfig; onSent: () => void }) {
  const { t } = useI18n();
  const visit = visitFrom(window.location.search);
  const [services] = createResource(() => loadServices(api));
  const [serviceId, setServiceId] = createSignal('');
  const [slots, { refetch: refetchSlots }] = createResource(
    () => serviceId() || false,
    (id) => loadSlots(api, id),
  );
  const [slot, setSlot] = createSignal('');
  const [name, setName] = createSignal('');
  const [contact, setContact] = createSignal('');
  const [concern, setConcern] = createSignal('');
  const [preferences, setPreferences] = createSignal<BookingPreferences>({ topics: [] });
  const [honeypot, setHoneypot] = createSignal('');
  const [token, setToken] = createSignal<string | null>(null);
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<AppError | null>(null);
  let captcha: HTMLDivElement | undefined;

  onMount(() => {
    const siteKey = props.config.turnstileSiteKey;
    if (siteKey && captcha)
      void renderTurnstile(captcha, siteKey, setToken).catch((error) => setFailure(widgetError(error)));
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (sending() || !name().trim() || !contact().trim()) return;
    setSending(true);
    setFailure(null);
    try {
      await sendBookingRequest(api, props.config, visit, {
        content: {
          name: name().trim(),
          contact: contact().trim(),
          concern: concern().trim(),
          ...(stated(preferences()) && { preferences: preferences() }),
        },
        serviceId: serviceId() || null,
        slotStart: slot() ? Number(slot()) : null,
        honeypot: honeypot(),
        turnstileToken: token(),
      });
      props.onSent();
    } catch (error) {
      const failed = widgetError(error);
      setFailure(failed);
      // Someone took the chosen time meanwhile: offer the times that are still free.
      if (failed.code === 'slot_unavailable') {
        setSlot('');
        void refetchSlots();
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="widget-form" onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
      <Show when={failure()}>{(error) => <Alert tone="error">{t(errorMessageKey(error()))}</Alert>}</Show>
      <Show when={(services() ?? []).length > 0} fallback={<p class="muted">{t('widget.noServices')}</p>}>
        <label class="field">
          <span class="field__label">{t('widget.service')}</span>
          <select
            class="field__input"
            value={serviceId()}
            onChange={(event) => {
              setServiceId(event.currentTarget.value);
              setSlot('');
            }}
          >
            <option value="">{t('widget.service.choose')}</option>
            <For each={services()}>{(service) => <option value={service.id}>{service.name}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={serviceId() ? slots() : undefined}>
        {(loaded) => (
          <label class="field">
            <span class="field__label">{t('widget.slot')}</span>
            <select
              class="field__input"
              value={slot()}
              onChange={(event) => setSlot(event.currentTarget.value)}
            >
              <option value="">{t('widget.slot.any')}</option>
              <For each={loaded().starts}>
                {(start) => (
                  <option value={String(start)}>
                    <SlotTime start={start} timeZone={loaded().timeZone} />
                  </option>
                )}
              </For>
            </select>
            <span class="field__hint">
              {loaded().starts.length === 0
                ? t('widget.noSlots')
                : t('widget.timeZone', { zone: loaded().timeZone })}
            </span>
          </label>
        )}
      </Show>
      <TextField
        label={t('widget.name')}
        value={name()}
        onChange={setName}
        autocomplete="name"
        error={attempted() && !name().trim() ? t('widget.required') : null}
        disabled={sending()}
        required
      />
      <TextField
        label={t('widget.contact')}
        value={contact()}
        onChange={setContact}
        autocomplete="tel"
        error={attempted() && !contact().trim() ? t('widget.required') : null}
        disabled={sending()}
        required
      />
      <label class="field">
        <span class="field__label">{t('widget.concern')}</span>
        <textarea
          class="field__input widget-form__concern"
          value={concern()}
          onInput={(event) => setConcern(event.currentTarget.value)}
          maxLength={2000}
          rows={4}
          disabled={sending()}
        />
      </label>
      <PreferenceFields value={preferences()} onChange={setPreferences} disabled={sending()} />
      <div class="widget-form__trap" aria-hidden="true">
        <label>
          {t('widget.honeypot')}
          <input
            type="text"
            name="website"
            tabIndex={-1}
            autocomplete="off"
            value={honeypot()}
            onInput={(event) => setHoneypot(event.currentTarget.value)}
          />
        </label>
      </div>
      <Show when={props.config.turnstileSiteKey}>
        <div ref={captcha} />
      </Show>
      <p class="muted widget-form__privacy">{t('widget.privacy')}</p>
      <button type="submit" class="button button--primary button--block" disabled={sending()}>
        {sending() ? t('widget.sending') : t('widget.submit')}
      </button>
    </form>
  );
}

export function WidgetApp() {
  const { t, setLocale } = useI18n();
  const lang = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(lang)) setLocale(lang);
  const [config] = createResource(() => loadConfig(api));
  const [sent, setSent] = createSignal(false);
  onMount(() => onCleanup(reportHeight()));

  return (
    <main class="widget">
      <h1 class="widget__title">{t('widget.title')}</h1>
      <Show when={config.state === 'ready'} fallback={<p class="muted">{t('common.loading')}</p>}>
        <Show
          when={config()?.intakeGroup && config()}
          fallback={<Alert tone="info">{t('widget.closed')}</Alert>}
        >
          {(ready) => (
            <Show
              when={!sent()}
              fallback={
                <Alert tone="success">
                  <strong>{t('widget.sent.title')}</strong>
                  <p>{t('widget.sent.body')}</p>
                  <button type="button" class="button" onClick={() => setSent(false)}>
                    {t('widget.another')}
                  </button>
                </Alert>
              }
            >
              <p class="muted">{t('widget.intro')}</p>
              <BookingForm config={ready()} onSent={() => setSent(true)} />
            </Show>
          )}
        </Show>
      </Show>
    </main>
  );
}
