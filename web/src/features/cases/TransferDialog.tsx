import { AlertDialog } from '@kobalte/core/alert-dialog';
import { createSignal, Show } from 'solid-js';
import { transferCase } from '../../lib/cases';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';

/** Confirms a transfer: this browser then wraps the case key to the new primary counselor. */
export function TransferDialog(props: {
  caseId: string;
  counselor: { id: string; displayName: string } | null;
  onClose: () => void;
  onTransferred: (name: string) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [working, setWorking] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const transfer = async (counselor: { id: string; displayName: string }) => {
    setWorking(true);
    setFailure(null);
    try {
      await vault.withKeys((keys) => transferCase(keys, props.caseId, counselor.id));
      props.onTransferred(counselor.displayName);
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };

  return (
    <AlertDialog
      open={props.counselor !== null}
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
          <AlertDialog.Content class="dialog__content">
            <Show when={props.counselor}>
              {(counselor) => (
                <>
                  <AlertDialog.Title class="dialog__title">
                    {t('case.admin.transfer.title')}
                  </AlertDialog.Title>
                  <AlertDialog.Description>
                    {t('case.admin.transfer.body', { name: counselor().displayName })}
                  </AlertDialog.Description>
                  <Show when={failure()}>
                    <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
                  </Show>
                  <div class="button-row button-row--end">
                    <AlertDialog.CloseButton class="button" disabled={working()}>
                      {t('common.cancel')}
                    </AlertDialog.CloseButton>
                    <button
                      type="button"
                      class="button button--primary"
                      disabled={working()}
                      onClick={() => void transfer(counselor())}
                    >
                      {working() ? t('case.admin.busy') : t('case.admin.transfer.confirm')}
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
