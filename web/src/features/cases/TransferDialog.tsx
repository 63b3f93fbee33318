import { transferCase } from '../../lib/cases';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** Confirms a transfer: this browser then wraps the case key to the new primary counselor. */
export function TransferDialog(props: {
  caseId: string;
  counselor: { id: string; displayName: string } | null;
  onClose: () => void;
  onTransferred: (name: string) => void;
}) {
  const { t } = useI18n();
  const { vault } = useVault();
  return (
    <ConfirmDialog
      subject={props.counselor}
      title={() => t('case.admin.transfer.title')}
      body={(counselor) => t('case.admin.transfer.body', { name: counselor.displayName })}
      confirmLabel={t('case.admin.transfer.confirm')}
      workingLabel={t('case.admin.busy')}
      action={async (counselor) => {
        await vault.withKeys((keys) => transferCase(keys, props.caseId, counselor.id));
        props.onTransferred(counselor.displayName);
      }}
      onClose={props.onClose}
    />
  );
}
