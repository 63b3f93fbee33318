import { Navigate, useNavigate } from '@solidjs/router';
import { batch, createSignal, Match, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { PublicFrame } from '../../app/PublicFrame';
import { createOrganization, type Organization, type RecoveryShare } from '../../lib/account';
import { useSession } from '../../lib/session';
import { normalizeEmail } from '../../lib/validation';
import { type AdminDraft, AdminStep } from './AdminStep';
import { OrganizationStep } from './OrganizationStep';
import { RecoverySheet } from './RecoverySheet';
import { type RecoveryChoice, RecoveryStep } from './RecoveryStep';
import { StepIndicator } from './StepIndicator';
import './setup.css';

type WizardStep = 'organization' | 'admin' | 'recovery';
const STEP_NUMBER: Record<WizardStep, number> = { organization: 1, admin: 2, recovery: 3 };

interface RecoveryMaterial {
  organization: Organization;
  shares: readonly RecoveryShare[];
  recoveryCode: string;
}

/** First run: organization, first administrator, org recovery key, then the printable recovery sheet. */
export function SetupWizard() {
  const { organizationExists, signIn } = useSession();
  const navigate = useNavigate();
  const [step, setStep] = createSignal<WizardStep>('organization');
  const [organizationName, setOrganizationName] = createSignal('');
  const [admin, setAdmin] = createStore<AdminDraft>({
    displayName: '',
    email: '',
    passphrase: '',
    confirmation: '',
  });
  const [recovery, setRecovery] = createSignal<RecoveryChoice>({ threshold: 2, total: 3 });
  const [creating, setCreating] = createSignal(false);
  const [creationError, setCreationError] = createSignal<unknown>(null);
  const [material, setMaterial] = createSignal<RecoveryMaterial | null>(null);

  const create = async () => {
    setCreating(true);
    setCreationError(null);
    try {
      const created = await createOrganization({
        organizationName: organizationName().trim(),
        admin: {
          displayName: admin.displayName.trim(),
          email: normalizeEmail(admin.email),
          passphrase: admin.passphrase,
        },
        recovery: recovery(),
      });
      // One update: the sheet must replace the wizard in the same tick the session appears,
      // or the "organization exists → go to login" guard would fire in between.
      batch(() => {
        setMaterial({
          organization: created.session.organization,
          shares: created.recoveryShares,
          recoveryCode: created.recoveryCode,
        });
        signIn(created);
        setAdmin({ passphrase: '', confirmation: '' });
      });
    } catch (error) {
      setCreationError(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <Show when={material() || organizationExists() !== true} fallback={<Navigate href="/login" />}>
      <PublicFrame wide={material() !== null}>
        <Show
          when={material()}
          fallback={
            <div class="card wizard">
              <StepIndicator
                steps={['setup.step.organization', 'setup.step.admin', 'setup.step.recovery']}
                current={STEP_NUMBER[step()]}
              />
              <Switch>
                <Match when={step() === 'organization'}>
                  <OrganizationStep
                    name={organizationName()}
                    onNameChange={setOrganizationName}
                    onNext={() => setStep('admin')}
                  />
                </Match>
                <Match when={step() === 'admin'}>
                  <AdminStep
                    draft={admin}
                    onChange={setAdmin}
                    onBack={() => setStep('organization')}
                    onNext={() => setStep('recovery')}
                  />
                </Match>
                <Match when={step() === 'recovery'}>
                  <RecoveryStep
                    choice={recovery()}
                    onChange={setRecovery}
                    onBack={() => setStep('admin')}
                    onCreate={() => void create()}
                    creating={creating()}
                    error={creationError()}
                  />
                </Match>
              </Switch>
            </div>
          }
        >
          {(sheet) => (
            <RecoverySheet
              organization={sheet().organization}
              shares={sheet().shares}
              recoveryCode={sheet().recoveryCode}
              onFinish={() => navigate('/', { replace: true })}
            />
          )}
        </Show>
      </PublicFrame>
    </Show>
  );
}
