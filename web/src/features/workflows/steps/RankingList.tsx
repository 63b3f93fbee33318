import { For, Show } from 'solid-js';
import { AGAINST, type RankedCounselor, type RankReason } from '../../../../../core/workflows/matching';
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
  const { t, locale } = useI18n();
  const list = (items: string[]) => new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items);
  const reasonText = (reason: RankReason, until: string) => {
    const key = `steps.reason.${reason.code}` as MessageKey;
    if ('count' in reason) return t(key, { count: String(reason.count), until });
    if ('language' in reason)
      return t(key, { language: t(`profile.language.${reason.language}` as MessageKey) });
    if ('topics' in reason) {
      return t(key, {
        topics: list(reason.topics.map((topic) => t(`profile.specialty.${topic}` as MessageKey))),
      });
    }
    if ('gender' in reason) return t(key, { gender: t(`profile.gender.${reason.gender}` as MessageKey) });
    return t(key, { until });
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
                    <li classList={{ 'ranking__reason--against': AGAINST.has(reason.code) }}>
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
