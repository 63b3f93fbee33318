import { createResource, createSignal, For, Show } from 'solid-js';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { listRuleRuns, type RuleView } from '../../lib/rules';
import { AsyncContent } from '../../ui/AsyncContent';

/** What each rule did: outcome per attempt and per action, with the error of a failed one. */
export function RunHistory(props: { rules: readonly RuleView[]; version: number }) {
  const { t, formatDateTime } = useI18n();
  const [ruleId, setRuleId] = createSignal('');
  const [runs, { refetch }] = createResource(
    () => ({ ruleId: ruleId(), version: props.version }),
    ({ ruleId }) => listRuleRuns(ruleId || undefined),
  );

  return (
    <section class="card" aria-labelledby="rule-runs-heading">
      <div class="page-header">
        <h2 class="card__title" id="rule-runs-heading">
          {t('rules.runs.heading')}
        </h2>
        <div class="field">
          <label class="field__label" for="rule-runs-filter">
            {t('rules.runs.filter')}
          </label>
          <select
            id="rule-runs-filter"
            class="field__select"
            value={ruleId()}
            onChange={(event) => setRuleId(event.currentTarget.value)}
          >
            <option value="">{t('rules.runs.all')}</option>
            <For each={props.rules}>{(rule) => <option value={rule.id}>{rule.name}</option>}</For>
          </select>
        </div>
      </div>
      <AsyncContent resource={runs} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.runs.length > 0} fallback={<p class="empty">{t('rules.runs.empty')}</p>}>
            <div class="table-wrap">
              <table class="table">
                <caption>{t('rules.runs.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rules.runs.col.time')}</th>
                    <th scope="col">{t('rules.runs.col.rule')}</th>
                    <th scope="col">{t('rules.runs.col.event')}</th>
                    <th scope="col">{t('rules.runs.col.case')}</th>
                    <th scope="col">{t('rules.runs.col.outcome')}</th>
                    <th scope="col">{t('rules.runs.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list.runs}>
                    {(run) => (
                      <tr>
                        <td class="nowrap">{formatDateTime(run.at)}</td>
                        <td>{run.ruleName}</td>
                        <td>{t(`rules.event.${run.eventType}` as MessageKey)}</td>
                        <td>
                          <code>{run.caseId ?? run.subject}</code>
                        </td>
                        <td>
                          <span class="badge" classList={{ 'badge--warning': run.outcome === 'failed' }}>
                            {t(`rules.outcome.${run.outcome}`)}
                          </span>
                          <Show when={run.attempt > 1}>
                            {' '}
                            <span class="muted">{t('rules.runs.attempt', { n: run.attempt })}</span>
                          </Show>
                        </td>
                        <td>
                          <For each={run.actions}>
                            {(action) => (
                              <div>
                                {t(`rules.action.${action.kind}`)}:{' '}
                                {t(`rules.actionOutcome.${action.outcome}`)}
                              </div>
                            )}
                          </For>
                          <Show when={run.error}>
                            <div class="muted rule-run__error">{run.error}</div>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </AsyncContent>
    </section>
  );
}
