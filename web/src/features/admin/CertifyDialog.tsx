import { useI18n } from '../../lib/i18n';
import { certifyMember, type PendingCertification } from '../../lib/members';
import { useVault } from '../../lib/vault-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
  return (
    <ConfirmDialog
      subject={props.pending}
      title={(pending) => t('users.certify.title', { name: pending.displayName })}
      body={(pending) => t('users.certify.body', { email: pending.email })}
      confirmLabel={t('users.certify.confirm')}
      workingLabel={t('users.certify.working')}
      action={async (pending) => {
        await vault.withKeys((keys) => certifyMember(keys, pending));
        props.onCertified(pending);
      }}
      onClose={props.onClose}
    >
      {(pending) => (
        <div class="certify-fingerprint">
          <span class="field__label">{t('users.pending.fingerprint')}</span>
          <Fingerprint value={pending.keyFingerprint} />
        </div>
      )}
    </ConfirmDialog>
  );
}
