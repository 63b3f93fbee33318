import { AlertDialog } from '@kobalte/core/alert-dialog';
import { createSignal, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { certifyMember, type PendingCertification } from '../../lib/members';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { Fingerprint } from '../../ui/Fingerprint';

/**
 * Certifying is the moment a key becomes trusted by every colleague's browser (PROTOCOL §4), so
 * the dialog asks for an out-of-band comparison of the exact fingerprint being signed.
 */
export function CertifyDialog(props: {
  pending: PendingCertification | null;
  onClose: () => void;
  onCertified: (pending: PendingCertification) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  const [working, setWorking] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const certify = async (pending: PendingCertification) => {
    setWorking(true);
    setFailure(null);
    try {
      await vault.withKeys((keys) => certifyMember(keys, pending));
      props.onCertified(pending);
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };

  return (
    <AlertDialog
      open={props.pending !== null}
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
            <Show when={props.pending}>
              {(pending) => (
                <>
                  <AlertDialog.Title class="dialog__title">
                    {t('users.certify.title', { name: pending().displayName })}
                  </AlertDialog.Title>
                  <AlertDialog.Description>
                    {t('users.certify.body', { email: pending().email })}
                  </AlertDialog.Description>
                  <div class="certify-fingerprint">
                    <span class="field__label">{t('users.pending.fingerprint')}</span>
                    <Fingerprint value={pending().keyFingerprint} />
                  </div>
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
                      onClick={() => void certify(pending())}
                    >
                      {working() ? t('users.certify.working') : t('users.certify.confirm')}
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
