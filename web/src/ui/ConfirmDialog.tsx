import { AlertDialog } from '@kobalte/core/alert-dialog';
import { createSignal, type JSX, Show } from 'solid-js';
import { errorMessageKey } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { Alert } from './Alert';
import { createReturnFocus } from './return-focus';

/**
 * Asks before a consequential action on `subject` (open while it is not null), runs `action`,
 * shows its failure in place and cannot be dismissed while the action runs.
 */
export function ConfirmDialog<T>(props: {
  subject: T | null;
  title: (subject: T) => string;
  body: (subject: T) => string;
  confirmLabel: string;
  workingLabel: string;
  /** `danger` for what cannot be taken back (revoke, delete, destroy): the button says so in red. */
  tone?: 'danger';
  action: (subject: T) => Promise<void>;
  onClose: () => void;
  children?: (subject: T) => JSX.Element;
}) {
  const { t } = useI18n();
  const returnFocus = createReturnFocus(() => props.subject !== null);
  const [working, setWorking] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const confirm = async (subject: T) => {
    setWorking(true);
    setFailure(null);
    try {
      await props.action(subject);
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };

  return (
    <AlertDialog
      open={props.subject !== null}
      onOpenChange={(open) => {
        if (!open && !working()) {
          setFailure(null);
          props.onClose();
        }
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <AlertDialog.Content onCloseAutoFocus={returnFocus} class="dialog__content">
            <Show when={props.subject}>
              {(subject) => (
                <>
                  <AlertDialog.Title class="dialog__title">{props.title(subject())}</AlertDialog.Title>
                  <AlertDialog.Description>{props.body(subject())}</AlertDialog.Description>
                  {props.children?.(subject())}
                  <Show when={failure()}>
                    <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
                  </Show>
                  <div class="button-row button-row--end">
                    <AlertDialog.CloseButton
                      class="button"
                      disabled={working()}
                      aria-label={t('common.cancel')}
                    >
                      {t('common.cancel')}
                    </AlertDialog.CloseButton>
                    <button
                      type="button"
                      class={props.tone === 'danger' ? 'button button--danger' : 'button button--primary'}
                      disabled={working()}
                      onClick={() => void confirm(subject())}
                    >
                      {working() ? props.workingLabel : props.confirmLabel}
                    </button>
                  </div>
                </>
              )}
            </Show>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
