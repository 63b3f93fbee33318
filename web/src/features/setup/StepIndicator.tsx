import { For } from 'solid-js';
import { type MessageKey, useI18n } from '../../lib/i18n';

export function StepIndicator(props: { steps: readonly MessageKey[]; current: number }) {
  const { t } = useI18n();
  return (
    <nav class="steps" aria-label={t('setup.steps')}>
      <ol class="steps__list">
        <For each={props.steps}>
          {(label, index) => (
            <li
              class="steps__item"
              classList={{
                'is-current': index() + 1 === props.current,
                'is-done': index() + 1 < props.current,
              }}
              aria-current={index() + 1 === props.current ? 'step' : undefined}
            >
              <span class="steps__number" aria-hidden="true">
                {index() + 1}
              </span>
              <span class="steps__label">{t(label)}</span>
            </li>
          )}
        </For>
      </ol>
      <p class="visually-hidden">
        {t('setup.stepOf', { current: props.current, total: props.steps.length })}
      </p>
    </nav>
  );
}
