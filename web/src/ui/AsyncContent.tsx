import { type JSX, Match, type Resource, Switch } from 'solid-js';
import { errorMessageKey } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { Alert } from './Alert';
import { Loading } from './Loading';

/** Loading, error-with-retry, or the loaded value: the three states every fetched list has. */
export function AsyncContent<T>(props: {
  resource: Resource<T>;
  onRetry: () => void;
  children: (value: T) => JSX.Element;
}) {
  const { t } = useI18n();
  return (
    <Switch>
      <Match when={props.resource.state === 'errored'}>
        <Alert tone="error">
          {t(errorMessageKey(props.resource.error))}{' '}
          <button type="button" class="button button--quiet" onClick={() => props.onRetry()}>
            {t('common.retry')}
          </button>
        </Alert>
      </Match>
      {/* a retry after a failed first load is "refreshing" with no value yet: it shows as loading */}
      <Match
        when={
          props.resource.state === 'ready' ||
          (props.resource.state === 'refreshing' && props.resource() !== undefined)
        }
      >
        {props.children(props.resource() as T)}
      </Match>
      <Match when={true}>
        <Loading label={t('common.loading')} />
      </Match>
    </Switch>
  );
}
