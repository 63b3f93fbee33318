import { createResource, createSignal, Show } from 'solid-js';
import { EMPTY_PROFILE } from '../../../../core/api/counselor-profiles';
import {
  type CounselorProfile,
  fetchCounselorProfile,
  saveCounselorProfile,
} from '../../lib/counselor-profiles';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { createSubmission } from '../../ui/submission';
import { CounselorProfileFields } from './CounselorProfileFields';
import './account.css';

/** A counselor keeps their own profile for matching, reached from the user menu. */
export function CounselorProfilePage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [stored, { refetch }] = createResource(() => session()?.user.id, fetchCounselorProfile);
  const [edited, setEdited] = createSignal<CounselorProfile | null>(null);
  const [saved, setSaved] = createSignal(false);
  const { sending, failure, submit } = createSubmission();
  const value = (): CounselorProfile => {
    const loaded = stored.state === 'ready' ? stored() : null;
    return (
      edited() ??
      (loaded
        ? { languages: loaded.languages, specialties: loaded.specialties, gender: loaded.gender }
        : EMPTY_PROFILE)
    );
  };
  const save = () =>
    submit(true, async () => {
      const userId = session()?.user.id;
      if (!userId) return;
      await saveCounselorProfile(userId, value());
      setSaved(true);
    });

  return (
    <>
      <div class="page-header">
        <h1>{t('profile.page.heading')}</h1>
      </div>
      <section class="card">
        <p class="muted">{t('profile.note')}</p>
        <AsyncContent resource={stored} onRetry={() => void refetch()}>
          {() => (
            <form
              novalidate
              aria-busy={sending()}
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <Show when={saved()}>
                <Alert tone="success">{t('profile.saved')}</Alert>
              </Show>
              <Show when={failure()}>
                <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
              </Show>
              <CounselorProfileFields
                value={value()}
                onChange={(profile) => {
                  setSaved(false);
                  setEdited(profile);
                }}
                disabled={sending()}
              />
              <div class="button-row button-row--end">
                <button type="submit" class="button button--primary" disabled={sending()}>
                  {sending() ? t('profile.saving') : t('profile.save')}
                </button>
              </div>
            </form>
          )}
        </AsyncContent>
      </section>
    </>
  );
}
