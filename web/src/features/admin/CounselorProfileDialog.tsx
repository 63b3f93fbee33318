import { createEffect, createSignal, on } from 'solid-js';
import { EMPTY_PROFILE } from '../../../../core/api/counselor-profiles';
import {
  type CounselorProfile,
  fetchCounselorProfile,
  saveCounselorProfile,
} from '../../lib/counselor-profiles';
import { useI18n } from '../../lib/i18n';
import type { Member } from '../../lib/members';
import { FormDialog } from '../../ui/FormDialog';
import { createSubmission } from '../../ui/submission';
import { CounselorProfileFields } from '../account/CounselorProfileFields';

/** The admin keeps a counselor's profile for matching from the users list. */
export function CounselorProfileDialog(props: {
  counselor: Member | null;
  onClose: () => void;
  onSaved: (counselor: Member) => void;
}) {
  const { t } = useI18n();
  const [profile, setProfile] = createSignal<CounselorProfile>(EMPTY_PROFILE);
  const [loading, setLoading] = createSignal(false);
  const { sending, failure, submit, reset } = createSubmission();

  createEffect(
    on(
      () => props.counselor,
      (counselor) => {
        setProfile(EMPTY_PROFILE);
        if (!counselor) return;
        setLoading(true);
        void submit(true, async () => {
          const stored = await fetchCounselorProfile(counselor.id);
          setProfile({ languages: stored.languages, specialties: stored.specialties, gender: stored.gender });
        }).finally(() => setLoading(false));
      },
    ),
  );

  const save = () =>
    submit(!loading(), async () => {
      const counselor = props.counselor;
      if (!counselor) return;
      await saveCounselorProfile(counselor.id, profile());
      props.onSaved(counselor);
    });

  return (
    <FormDialog
      open={props.counselor !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      onReset={reset}
      onSubmit={() => void save()}
      title={t('profile.dialog.title', { name: props.counselor?.displayName ?? '' })}
      intro={t('profile.note')}
      submitLabel={t('profile.save')}
      submittingLabel={t('profile.saving')}
      sending={sending() || loading()}
      failure={failure()}
      wide
    >
      <CounselorProfileFields value={profile()} onChange={setProfile} disabled={sending() || loading()} />
    </FormDialog>
  );
}
