import { createSignal } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { type CategoryView, createCategory } from '../../lib/knowledge';
import { FormDialog } from '../../ui/FormDialog';
import { TextField } from '../../ui/TextField';

/** An admin names a category; the name is operational, so the server stores it as is. */
export function CategoryDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (category: CategoryView) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const reset = () => {
    setName('');
    setFailure(null);
  };
  const submit = async () => {
    if (!name().trim()) return;
    setSending(true);
    setFailure(null);
    try {
      const category = await createCategory(name());
      reset();
      props.onOpenChange(false);
      props.onCreated(category);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  return (
    <FormDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      onReset={reset}
      onSubmit={() => void submit()}
      title={t('knowledge.categoryDialog.title')}
      intro={t('knowledge.categoryDialog.intro')}
      submitLabel={t('knowledge.categoryDialog.submit')}
      submittingLabel={t('knowledge.categoryDialog.submitting')}
      sending={sending()}
      failure={failure()}
    >
      <TextField label={t('knowledge.categoryDialog.name')} value={name()} onChange={setName} required />
    </FormDialog>
  );
}
