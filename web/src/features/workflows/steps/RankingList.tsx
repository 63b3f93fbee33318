import { For, Show } from 'solid-js';
import type { RankedCounselor, RankReason } from '../../../../../core/workflows/matching';
import { type MessageKey, useI18n } from '../../../lib/i18n';

/**
 * The counselors in rank order (core/workflows/matching.ts), each with the reasons for its
 * place, as a radio group: the front desk may take the first or overrule the ranking.
 */
export function RankingList(props: {
  ranked: readonly RankedCounselor[];
  chosen: string;
  onChoose: (counselorId: string) => void;
  /** Formats an instant in the center's time zone. */
  time: (instant: number) => string;
  /** Formats the day of an instant in the center's time zone. */
  day: (instant: number) => string;
  /** Where the facts' window of free times ends. */
  windowEnd: number;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const reasonText = (reason: RankReason, until: string) => {
    const key = `steps.reason.${reason.code}` as MessageKey;
    return 'count' in reason ? t(key, { count: String(reason.count), until }) : t(key, { until });
  };

  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t('steps.match.ranking')}</legend>
      <ol class="ranking" aria-label={t('steps.match.ranking')}>
        <For each={props.ranked}>
          {(entry, index) => (
            <li
              class="ranking__item"
              classList={{ 'ranking__item--chosen': props.chosen === entry.counselor.id }}
              data-testid="ranked-counselor"
            >
              <label class="ranking__choice">
                <input
                  type="radio"
                  name="counselor"
                  value={entry.counselor.id}
                  checked={props.chosen === entry.counselor.id}
                  disabled={props.disabled}
                  aria-label={t('steps.match.choose', { name: entry.counselor.displayName })}
                  onChange={() => props.onChoose(entry.counselor.id)}
                />
                <span class="ranking__rank">{t('steps.match.rank', { rank: String(index() + 1) })}</span>
                <strong>{entry.counselor.displayName}</strong>
              </label>
              <ul class="ranking__reasons">
                <For each={entry.reasons}>
                  {(reason) => (
                    <li
                      classList={{
                        'ranking__reason--against':
                          reason.code === 'busy_at_requested' || reason.code === 'no_free_time',
                      }}
                    >
                      {reasonText(reason, props.day(props.windowEnd))}
                    </li>
                  )}
                </For>
                <li>{t('steps.match.upcoming', { count: String(entry.counselor.upcomingAppointments) })}</li>
              </ul>
              <p class="ranking__offer">
                <Show when={entry.offer} fallback={<span class="muted">{t('steps.match.noOffer')}</span>}>
                  {(offer) => <>{t('steps.match.offer', { time: props.time(offer()) })}</>}
                </Show>
              </p>
            </li>
          )}
        </For>
      </ol>
    </fieldset>
  );
}
