import { createResource, createSignal, For, Show } from 'solid-js';
import type { RuleAction, Trigger } from '../../../../core/rules/index';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { installShippedRules, listRules, type RuleView, setRuleEnabled } from '../../lib/rules';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { RulesIcon } from '../../ui/icons';
import { RuleEditor } from './RuleEditor';
import { RunHistory } from './RunHistory';
import './rules.css';

/** The rule editor for admins (issue 8): the center's rules, the shipped ones, and what they did. */
export function RulesPage() {
  const { t, locale } = useI18n();
  const [rules, { refetch }] = createResource(listRules);
  const [editing, setEditing] = createSignal<RuleView | 'new' | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const [version, setVersion] = createSignal(0);

  const act = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      setNotice(await work());
      await refetch();
      setVersion((n) => n + 1);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const triggerLabel = (trigger: Trigger) =>
    trigger.kind === 'event'
      ? t(`rules.event.${trigger.event}`)
      : trigger.every === 'hourly'
        ? t('rules.trigger.hourly')
        : t('rules.trigger.dailyAt', { hour: trigger.hour });
  const actionsLabel = (actions: readonly RuleAction[]) =>
    actions.map((action) => t(`rules.action.${action.kind}`)).join('、');

  return (
    <div class="admin-page">
      <div class="page-header">
        <div>
          <h1>{t('rules.heading')}</h1>
          <p class="lead">{t('rules.intro')}</p>
        </div>
        <div class="button-row">
          <Show when={(rules.latest?.shippedMissing.length ?? 0) > 0}>
            <button
              type="button"
              class="button"
              disabled={busy()}
              onClick={() =>
                void act(async () => {
                  const { installed } = await installShippedRules(locale());
                  return t('rules.installedCount', { count: installed.length });
                })
              }
            >
              {t('rules.installShipped')}
            </button>
          </Show>
          <button
            type="button"
            class="button button--primary"
            disabled={busy()}
            onClick={() => setEditing('new')}
          >
            <RulesIcon />
            {t('rules.new')}
          </button>
        </div>
      </div>

      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>

      <Show when={editing()} keyed>
        {(target) => (
          <RuleEditor
            rule={target === 'new' ? null : target}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              void act(async () => t('rules.editor.saved'));
            }}
          />
        )}
      </Show>

      <section class="card">
        <AsyncContent resource={rules} onRetry={() => void refetch()}>
          {(list) => (
            <Show when={list.rules.length > 0} fallback={<p class="empty">{t('rules.empty')}</p>}>
              <div class="table-wrap">
                <table class="table">
                  <caption>{t('rules.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rules.col.name')}</th>
                      <th scope="col">{t('rules.col.trigger')}</th>
                      <th scope="col">{t('rules.col.actions')}</th>
                      <th scope="col">{t('rules.col.status')}</th>
                      <th scope="col">
                        <span class="visually-hidden">{t('rules.edit')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list.rules}>
                      {(rule) => (
                        <tr>
                          <td>{rule.name}</td>
                          <td>{triggerLabel(rule.trigger)}</td>
                          <td>{actionsLabel(rule.actions)}</td>
                          <td>
                            <span class="badge" classList={{ 'badge--muted': !rule.enabled }}>
                              {rule.enabled ? t('rules.enabled') : t('rules.disabled')}
                            </span>
                          </td>
                          <td class="nowrap">
                            <button
                              type="button"
                              class="button button--quiet"
                              disabled={busy()}
                              aria-label={`${rule.enabled ? t('rules.disable') : t('rules.enable')} ${rule.name}`}
                              onClick={() =>
                                void act(async () => {
                                  await setRuleEnabled(rule.id, !rule.enabled);
                                  return null;
                                })
                              }
                            >
                              {rule.enabled ? t('rules.disable') : t('rules.enable')}
                            </button>
                            <button
                              type="button"
                              class="button button--quiet"
                              disabled={busy()}
                              aria-label={`${t('rules.edit')} ${rule.name}`}
                              onClick={() => setEditing(rule)}
                            >
                              {t('rules.edit')}
                            </button>
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

      <RunHistory rules={rules.latest?.rules ?? []} version={version()} />
    </div>
  );
}
