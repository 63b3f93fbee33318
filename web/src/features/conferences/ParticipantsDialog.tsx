import { Dialog } from '@kobalte/core/dialog';
import { createSignal, For, Show } from 'solid-js';
import {
  addToConference,
  type ConferencePerson,
  type ConferenceView,
  removeFromConference,
} from '../../lib/conferences';
import { errorMessageKey } from '../../lib/errors';
import { type MessageKey, type MessageParams, useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { createReturnFocus } from '../../ui/return-focus';
import { SelectField } from '../../ui/SelectField';
import { nameOf } from './labels';

export interface Notice {
  key: MessageKey;
  params: MessageParams;
}

/**
 * Who takes part: any participant may add a certified clinician (my browser wraps the current key
 * to them, so they read the history too); the creator may remove someone, after which my browser
 * rotates the key and they can open nothing of the conference again.
 */
export function ParticipantsDialog(props: {
  conference: ConferenceView;
  people: ReadonlyMap<string, ConferencePerson>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** what happened, as a message key and its parameters (translated where it is shown) */
  onChanged: (notice: Notice) => void;
}) {
  const i18n = useI18n();
  const returnFocus = createReturnFocus(() => props.open);
  const { t, formatDate } = i18n;
  const { vault } = useVault();
  const { session } = useSession();
  const [candidate, setCandidate] = createSignal('');
  /** the participant whose removal waits for a second click */
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const [working, setWorking] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const me = () => session()?.user.id;
  const isCreator = () => props.conference.createdBy === me();
  const taking = () => new Set(props.conference.participants.map((p) => p.userId));
  const candidates = () =>
    [...props.people.values()]
      .filter((person) => person.clinician && !taking().has(person.id))
      .map((p) => p.id);

  const act = async (work: () => Promise<void>, notice: Notice) => {
    setWorking(true);
    setFailure(null);
    try {
      await work();
      setCandidate('');
      setConfirming(null);
      props.onChanged(notice);
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };
  const add = () => {
    const userId = candidate();
    if (!userId) return;
    void act(() => vault.withKeys((keys) => addToConference(keys, props.conference.id, userId)), {
      key: 'conferences.people.added',
      params: { name: nameOf(i18n, props.people, userId) },
    });
  };
  const remove = (userId: string) =>
    void act(() => vault.withKeys((keys) => removeFromConference(keys, props.conference.id, userId)), {
      key: 'conferences.people.removed',
      params: { name: nameOf(i18n, props.people, userId) },
    });

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => {
        if (working()) return;
        if (!open) {
          setFailure(null);
          setConfirming(null);
        }
        props.onOpenChange(open);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content
            onCloseAutoFocus={returnFocus}
            role="dialog"
            class="dialog__content"
            aria-busy={working()}
          >
            <Dialog.Title class="dialog__title">{t('conferences.people.title')}</Dialog.Title>
            <Dialog.Description class="muted">{t('conferences.people.intro')}</Dialog.Description>
            <Show when={failure()}>
              <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
            </Show>
            <ul class="participant-list">
              <For each={props.conference.participants}>
                {(participant) => (
                  <li class="participant-list__item">
                    <span>
                      <strong>{nameOf(i18n, props.people, participant.userId)}</strong>{' '}
                      <span class="muted">
                        {participant.userId === props.conference.createdBy
                          ? t('conferences.people.creator')
                          : t('conferences.people.since', { date: formatDate(participant.addedAt) })}
                      </span>
                    </span>
                    <Show when={isCreator() && participant.userId !== props.conference.createdBy}>
                      <Show
                        when={confirming() === participant.userId}
                        fallback={
                          <button
                            type="button"
                            class="button button--danger"
                            disabled={working()}
                            onClick={() => setConfirming(participant.userId)}
                          >
                            {t('conferences.people.remove', {
                              name: nameOf(i18n, props.people, participant.userId),
                            })}
                          </button>
                        }
                      >
                        <span class="button-row">
                          <button
                            type="button"
                            class="button button--danger"
                            disabled={working()}
                            onClick={() => remove(participant.userId)}
                          >
                            {working()
                              ? t('conferences.people.working')
                              : t('conferences.people.confirmRemove', {
                                  name: nameOf(i18n, props.people, participant.userId),
                                })}
                          </button>
                          <button
                            type="button"
                            class="button button--quiet"
                            disabled={working()}
                            onClick={() => setConfirming(null)}
                          >
                            {t('common.cancel')}
                          </button>
                        </span>
                      </Show>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show
              when={candidates().length > 0}
              fallback={<p class="muted">{t('conferences.people.noneToAdd')}</p>}
            >
              <div class="participant-add">
                <SelectField
                  label={t('conferences.people.add')}
                  value={candidate()}
                  options={candidates()}
                  optionLabel={(id) => nameOf(i18n, props.people, id)}
                  onChange={setCandidate}
                  disabled={working()}
                  placeholder={t('conferences.people.choose')}
                />
                <button type="button" class="button" disabled={working() || !candidate()} onClick={add}>
                  {working() ? t('conferences.people.working') : t('conferences.people.addButton')}
                </button>
              </div>
            </Show>
            <p class="field__hint">{t('conferences.people.removeHint')}</p>
            <div class="button-row button-row--end">
              <Dialog.CloseButton class="button" disabled={working()}>
                {t('conferences.people.close')}
              </Dialog.CloseButton>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
