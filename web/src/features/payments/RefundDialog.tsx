import { Dialog } from '@kobalte/core/dialog';
import { createSignal, Show } from 'solid-js';
import type { PaymentView } from '../../../../core/api/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { refundPayment } from '../../lib/integrations';
import { Alert } from '../../ui/Alert';
import { createReturnFocus } from '../../ui/return-focus';
import { TextField } from '../../ui/TextField';
import { formatMoney, toMinorUnits } from './money';

/** A refund made outside the payment provider (cash, bank transfer), recorded by finance. */
export function RefundDialog(props: {
  payment: PaymentView | null;
  onClose: () => void;
  onRefunded: () => void;
}) {
  const { t, locale } = useI18n();
  const returnFocus = createReturnFocus(() => props.payment !== null);
  const [amount, setAmount] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [attempted, setAttempted] = createSignal(false);

  const minor = () => (props.payment ? toMinorUnits(amount(), props.payment.currency) : null);
  const left = () => (props.payment ? props.payment.amount - props.payment.refundedAmount : 0);
  const invalid = () => minor() === null || (minor() as number) > left();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setAttempted(true);
    const payment = props.payment;
    if (!payment || sending() || invalid()) return;
    setSending(true);
    setFailure(null);
    try {
      await refundPayment(payment.id, minor() as number);
      setAmount('');
      setAttempted(false);
      props.onRefunded();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={props.payment !== null} onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content onCloseAutoFocus={returnFocus} class="dialog__content">
            <Dialog.Title class="dialog__title">{t('payments.refund.title')}</Dialog.Title>
            <Show when={props.payment}>
              {(payment) => (
                <Dialog.Description class="muted">
                  {t('payments.refund.intro', { left: formatMoney(locale(), left(), payment().currency) })}
                </Dialog.Description>
              )}
            </Show>
            <form onSubmit={(event) => void submit(event)} novalidate aria-busy={sending()}>
              <Show when={failure()}>
                <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
              </Show>
              <TextField
                label={t('payments.refund.amount')}
                value={amount()}
                onChange={setAmount}
                error={attempted() && invalid() ? t('payments.refund.amountInvalid') : null}
                disabled={sending()}
                required
              />
              <div class="button-row button-row--end">
                <Dialog.CloseButton class="button" disabled={sending()} aria-label={t('common.cancel')}>
                  {t('common.cancel')}
                </Dialog.CloseButton>
                <button type="submit" class="button button--danger" disabled={sending()}>
                  {t('payments.refund.submit')}
                </button>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
