import { Dialog } from '@kobalte/core/dialog';
import { type JSX, Show } from 'solid-js';
import { errorMessageKey } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { Alert } from './Alert';
import { createReturnFocus } from './return-focus';

/**
 * A modal form: title and intro, the failure of the last attempt, the fields, then cancel and
 * submit. Closing it (cancel, Escape, overlay) calls `onReset` so the next opening starts clean.
 */
export function FormDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onReset: () => void;
  onSubmit: () => void;
  title: string;
  intro: string;
  submitLabel: string;
  submittingLabel: string;
  sending: boolean;
  failure: unknown;
  wide?: boolean;
  children: JSX.Element;
}) {
  const { t } = useI18n();
  const returnFocus = createReturnFocus(() => props.open);
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => {
        if (!open) props.onReset();
        props.onOpenChange(open);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          {/* Explicit: the bundler has been seen to give a split chunk's dialog the alert role. */}
          <Dialog.Content
            role="dialog"
            onCloseAutoFocus={returnFocus}
            class="dialog__content"
            classList={{ 'dialog__content--wide': props.wide === true }}
          >
            <Dialog.Title class="dialog__title">{props.title}</Dialog.Title>
            <Dialog.Description class="muted">{props.intro}</Dialog.Description>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                props.onSubmit();
              }}
              novalidate
              aria-busy={props.sending}
            >
              <Show when={props.failure}>
                <Alert tone="error">{t(errorMessageKey(props.failure))}</Alert>
              </Show>
              {props.children}
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={props.sending} aria-label={t('common.cancel')}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--primary" disabled={props.sending}>
                  {props.sending ? props.submittingLabel : props.submitLabel}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
