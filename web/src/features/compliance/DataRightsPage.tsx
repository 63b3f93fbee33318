import { createResource, Show } from 'solid-js';
import { fetchPeople, type Person } from '../../lib/cases';
import { listDestructions } from '../../lib/compliance';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { BackupSection } from './BackupSection';
import { ClientExportSection } from './ClientExportSection';
import { ClientReportSection } from './ClientReportSection';
import { ConfirmDestructionsSection } from './ConfirmDestructionsSection';
import { DestructionRequestsSection } from './DestructionRequestsSection';
import { RetentionSection } from './RetentionSection';
import '../admin/admin.css';
import './compliance.css';

/**
 * Data rights (PIPL, GDPR) in one place, by role: directors set retention, ask for destruction
 * and answer access requests; key holders confirm destruction and export a client's data; admins
 * take the encrypted backup. Who may do what is documented in docs/security.md.
 */
export function DataRightsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const has = (role: string) => (session()?.user.roles ?? []).some((held) => held === role);
  const [people] = createResource(fetchPeople, { initialValue: new Map<string, Person>() });
  const [requests, { refetch }] = createResource(
    () => (has('director') || has('counselor') ? true : null),
    listDestructions,
  );
  const changed = () => void refetch();

  return (
    <div class="compliance-page">
      <h1>{t('rights.heading')}</h1>
      <p class="muted">{t('rights.intro')}</p>
      <Show when={has('counselor')}>
        <ConfirmDestructionsSection requests={requests} people={people()} onChanged={changed} />
        <ClientExportSection />
      </Show>
      <Show when={has('director')}>
        <RetentionSection onRequested={changed} />
        <DestructionRequestsSection requests={requests} people={people()} onChanged={changed} />
        <ClientReportSection />
      </Show>
      <Show when={has('admin')}>
        <BackupSection />
      </Show>
    </div>
  );
}
