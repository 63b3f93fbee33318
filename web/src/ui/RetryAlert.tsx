import type { JSX } from 'solid-js';
import { errorMessageKey } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { Alert } from './Alert';

/** A load that failed: why, in words the person can act on, and a button that tries again. */
export function RetryAlert(props: { error: unknown; onRetry: () => void; lead?: JSX.Element }) {
  const { t } = useI18n();
  return (
    <Alert tone="error">
      {props.lead}
      {t(errorMessageKey(props.error))}{' '}
      <button type="button" class="button button--quiet" onClick={() => props.onRetry()}>
        {t('common.retry')}
      </button>
    </Alert>
  );
}
