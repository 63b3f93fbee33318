import { createSignal, type JSX, type Resource, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { ShownOnce } from './ShownOnce';

/**
 * The frame API keys and webhook endpoints share: a heading with a "new" button, the secret of
 * the item just created (shown once), the failure of the last row action, and the list with its
 * loading, error and empty states. `children` is the creation dialog.
 */
export function SecretsSection<T>(props: {
  id: string;
  heading: string;
  intro: string;
  newLabel: string;
  empty: string;
  emptyHint: string;
  items: Resource<readonly T[]>;
  onRetry: () => void;
  onNew: () => void;
  shown: { label: string; secret: string } | null;
  onShownDone: () => void;
  failure: unknown;
  list: (items: readonly T[]) => JSX.Element;
  children: JSX.Element;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby={props.id}>
      <div class="page-header">
        <h2 class="card__title" id={props.id}>
          {props.heading}
        </h2>
        <button type="button" class="button button--primary" onClick={() => props.onNew()}>
          {props.newLabel}
        </button>
      </div>
      <p class="muted">{props.intro}</p>
      <Show when={props.shown}>
        {(shown) => <ShownOnce label={shown().label} secret={shown().secret} onDone={props.onShownDone} />}
      </Show>
      <Show when={props.failure}>
        <Alert tone="error">{t(errorMessageKey(props.failure))}</Alert>
      </Show>
      <AsyncContent resource={props.items} onRetry={props.onRetry}>
        {(items) => (
          <Show when={items.length > 0} fallback={<EmptyState title={props.empty} hint={props.emptyHint} />}>
            {props.list(items)}
          </Show>
        )}
      </AsyncContent>
      {props.children}
    </section>
  );
}

/** Runs a row action (revoke, disable…), then refreshes the list; keeps the failure to show. */
export function createRowAction(refresh: () => unknown) {
  const [failure, setFailure] = createSignal<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
      await refresh();
    } catch (error) {
      setFailure(error);
    }
  };
  return { failure, run };
}
