import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { FormDefinition } from '../../../../core/forms/index';
import { formRef } from '../../../../core/forms/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { type NewPortalLink, sendPortalLink } from '../../lib/portal';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { localized } from '../forms/localized';

const LIFETIMES = [24, 72, 168] as const;

/** Makes a one-time link and shows it once, to copy into whatever channel reaches the client. */
export function SendLinkForm(props: {
  caseId: string;
  forms: readonly FormDefinition[];
  onSent: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { vault } = useVault();
  const formId = createUniqueId();
  const lifetimeId = createUniqueId();
  const linkId = createUniqueId();
  const [form, setForm] = createSignal(props.forms[0] ? formRef(props.forms[0]) : '');
  const [hours, setHours] = createSignal<number>(72);
  const [busy, setBusy] = createSignal(false);
  const [made, setMade] = createSignal<NewPortalLink | null>(null);
  const [copied, setCopied] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setMade(null);
    setCopied(false);
    try {
      setMade(await vault.withKeys((keys) => sendPortalLink(keys, props.caseId, form(), hours())));
      props.onSent();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <form class="portal-send" onSubmit={(event) => void send(event)}>
      <div class="portal-send__fields">
        <div class="field">
          <label class="field__label" for={formId}>
            {t('portal.send.form')}
          </label>
          <select
            id={formId}
            class="field__select"
            value={form()}
            onChange={(event) => setForm(event.currentTarget.value)}
          >
            <For each={props.forms}>
              {(candidate) => <option value={formRef(candidate)}>{localized(i18n, candidate.title)}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label class="field__label" for={lifetimeId}>
            {t('portal.send.lifetime')}
          </label>
          <select
            id={lifetimeId}
            class="field__select"
            value={String(hours())}
            onChange={(event) => setHours(Number(event.currentTarget.value))}
          >
            <For each={LIFETIMES}>
              {(value) => <option value={String(value)}>{t(`portal.send.hours.${value}`)}</option>}
            </For>
          </select>
        </div>
      </div>
      <button type="submit" class="button button--primary" disabled={busy() || !form()}>
        {busy() ? t('portal.send.sending') : t('portal.send.submit')}
      </button>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={made()}>
        {(link) => (
          <div class="portal-send__result">
            <label class="field__label" for={linkId}>
              {t('portal.send.link')}
            </label>
            <div class="field__control">
              <input
                id={linkId}
                class="field__input field__input--with-action"
                readonly
                value={link().url}
                onFocus={(event) => event.currentTarget.select()}
              />
              <button type="button" class="button field__action" onClick={() => void copy(link().url)}>
                {copied() ? t('portal.send.copied') : t('portal.send.copy')}
              </button>
            </div>
            <p class="field__hint">{t('portal.send.once')}</p>
          </div>
        )}
      </Show>
    </form>
  );
}
