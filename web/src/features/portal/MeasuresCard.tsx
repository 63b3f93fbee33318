import { For, Show } from 'solid-js';
import type { CaseRecord } from '../../lib/cases';
import { useI18n } from '../../lib/i18n';
import { MEASURES, measurePoints } from './measures';
import { ScoreTrendChart } from './ScoreTrendChart';

/** PHQ-9 and GAD-7 totals over time, from the records this browser has just verified and decrypted. */
export function MeasuresCard(props: { records: readonly CaseRecord[] }) {
  const { t } = useI18n();
  const series = () =>
    MEASURES.map((measure) => ({ measure, points: measurePoints(measure, props.records) })).filter(
      (entry) => entry.points.length > 0,
    );
  return (
    <section class="card" aria-labelledby="measures-heading">
      <h2 class="card__title" id="measures-heading">
        {t('measures.heading')}
      </h2>
      <Show when={series().length > 0} fallback={<p class="empty">{t('measures.empty')}</p>}>
        <div class="measures">
          <For each={series()}>
            {(entry) => <ScoreTrendChart measure={entry.measure} points={entry.points} />}
          </For>
        </div>
      </Show>
    </section>
  );
}
