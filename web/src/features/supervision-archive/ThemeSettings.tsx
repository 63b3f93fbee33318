import { createResource, createSignal, For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { createTheme, listThemes } from '../../lib/supervision-archive';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { TextField } from '../../ui/TextField';

/** Settings: the theme tags supervision reports are filed under (operational names, issue 14). */
export function ThemeSettings() {
  const { t } = useI18n();
  const [themes, { refetch }] = createResource(listThemes);
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [added, setAdded] = createSignal<string | null>(null);

  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const wanted = name().trim();
    if (!wanted || busy()) return;
    setBusy(true);
    setFailure(null);
    setAdded(null);
    try {
      await createTheme({ id: crypto.randomUUID(), name: wanted });
      setName('');
      setAdded(wanted);
      await refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="theme-settings-heading">
      <h2 class="card__title" id="theme-settings-heading">
        {t('settings.themes.heading')}
      </h2>
      <p class="muted">{t('settings.themes.intro')}</p>
      <AsyncContent resource={themes} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.themes.length > 0} fallback={<p class="empty">{t('settings.themes.empty')}</p>}>
            <ul class="archive-report__tags" aria-label={t('settings.themes.heading')}>
              <For each={list.themes}>{(theme) => <li class="badge">{theme.name}</li>}</For>
            </ul>
          </Show>
        )}
      </AsyncContent>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <Show when={added()}>
        {(one) => <Alert tone="success">{t('settings.themes.added', { name: one() })}</Alert>}
      </Show>
      <form onSubmit={(event) => void add(event)}>
        <TextField label={t('settings.themes.name')} value={name()} onChange={setName} disabled={busy()} />
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy() || !name().trim()}>
            {t('settings.themes.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
