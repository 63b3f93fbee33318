import { TextField } from '@kobalte/core/text-field';
import { createSignal, For, Show } from 'solid-js';
import { type ConferencePerson, mentionsIn, postToConference } from '../../lib/conferences';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';

/**
 * Writes one message, sealed and signed in this browser. People ticked under "notify", or named
 * as @Name in the text, get a notification that says only that they were mentioned.
 */
export function Composer(props: {
  conferenceId: string;
  /** the other participants, whom a message may mention */
  others: readonly ConferencePerson[];
  replyTo: string | null;
  label: string;
  onPosted: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [text, setText] = createSignal('');
  const [ticked, setTicked] = createSignal<readonly string[]>([]);
  const [empty, setEmpty] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const tick = (id: string, on: boolean) =>
    setTicked((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!text().trim()) return setEmpty(true);
    setEmpty(false);
    setSending(true);
    setFailure(null);
    try {
      const mentionIds = [...new Set([...ticked(), ...mentionsIn(text(), props.others)])];
      await vault.withKeys((keys) =>
        postToConference(keys, props.conferenceId, { text: text(), replyTo: props.replyTo, mentionIds }),
      );
      setText('');
      setTicked([]);
      props.onPosted();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="composer" onSubmit={(event) => void send(event)} novalidate aria-busy={sending()}>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <TextField
        class="field"
        value={text()}
        onChange={setText}
        disabled={sending()}
        validationState={empty() ? 'invalid' : 'valid'}
      >
        <TextField.Label class="field__label">{props.label}</TextField.Label>
        <TextField.TextArea class="field__input field__textarea" rows={3} />
        <TextField.Description class="field__hint">
          {props.others.length > 0 ? t('conferences.composer.hint') : t('conferences.composer.hintAlone')}
        </TextField.Description>
        <TextField.ErrorMessage class="field__error">
          {t('conferences.composer.empty')}
        </TextField.ErrorMessage>
      </TextField>
      <Show when={props.others.length > 0}>
        <fieldset class="fieldset composer__mentions">
          <legend class="fieldset__legend">{t('conferences.composer.notify')}</legend>
          <div class="checkbox-list checkbox-list--inline">
            <For each={props.others}>
              {(person) => (
                <Checkbox
                  label={`@${person.displayName}`}
                  checked={ticked().includes(person.id)}
                  onChange={(on) => tick(person.id, on)}
                  disabled={sending()}
                />
              )}
            </For>
          </div>
        </fieldset>
      </Show>
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={sending()}>
          {sending() ? t('conferences.composer.sending') : t('conferences.composer.send')}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button
              type="button"
              class="button button--quiet"
              onClick={() => cancel()()}
              disabled={sending()}
            >
              {t('common.cancel')}
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
