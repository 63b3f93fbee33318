import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import {
  type DefinitionView,
  installShipped,
  listDefinitions,
  publishDefinition,
  SHIPPED_KEYS,
} from '../../lib/workflows';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';

/**
 * The admin's list of processes (issue 6): every version with its status, one-click install of
 * the shipped processes, publishing a draft. A version's name opens it in the visual designer.
 */
export function WorkflowsPage() {
  const { t, formatDate } = useI18n();
  const [definitions, { refetch }] = createResource(listDefinitions);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal<string | null>(null);

  const act = async (id: string, work: () => Promise<unknown>) => {
    setBusy(id);
    setFailure(null);
    try {
      await work();
      await refetch();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const missingShipped = (list: DefinitionView[]) =>
    SHIPPED_KEYS.filter((key) => !list.some((definition) => definition.key === key));

  return (
    <div class="admin-page">
      <div class="page-header">
        <div>
          <h1>{t('workflows.admin.heading')}</h1>
          <p class="lead">{t('workflows.admin.intro')}</p>
        </div>
      </div>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={definitions} onRetry={() => void refetch()}>
        {(list) => (
          <>
            <Show when={missingShipped(list.definitions).length > 0}>
              <section class="card">
                <h2>{t('workflows.admin.shipped')}</h2>
                <For each={missingShipped(list.definitions)}>
                  {(key) => (
                    <button
                      type="button"
                      class="button"
                      disabled={busy() === key}
                      onClick={() => void act(key, () => installShipped(key))}
                    >
                      {t('workflows.admin.install', { name: t(`workflows.shipped.${key}`) })}
                    </button>
                  )}
                </For>
              </section>
            </Show>
            <section class="card">
              <Show
                when={list.definitions.length > 0}
                fallback={
                  <EmptyState title={t('workflows.admin.empty')} hint={t('workflows.admin.emptyHint')} />
                }
              >
                <div class="table-wrap">
                  <table class="table">
                    <caption>{t('workflows.admin.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('workflows.admin.col.name')}</th>
                        <th scope="col">{t('workflows.admin.col.version')}</th>
                        <th scope="col">{t('workflows.admin.col.steps')}</th>
                        <th scope="col">{t('workflows.col.status')}</th>
                        <th scope="col">{t('workflows.admin.col.published')}</th>
                        <th scope="col">
                          <span class="visually-hidden">{t('workflows.col.actions')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={list.definitions}>
                        {(definition) => (
                          <tr>
                            <td>
                              <A href={`/admin/workflows/${definition.key}?version=${definition.version}`}>
                                {definition.name}
                              </A>
                              <div class="muted">
                                <code>{definition.key}</code>
                              </div>
                            </td>
                            <td>{definition.version}</td>
                            <td>{definition.graph.nodes.length}</td>
                            <td>
                              <span
                                class="badge"
                                classList={{ 'badge--muted': definition.status === 'retired' }}
                              >
                                {t(`workflows.status.${definition.status}`)}
                              </span>
                            </td>
                            <td class="nowrap">
                              {definition.publishedAt ? formatDate(definition.publishedAt) : '—'}
                            </td>
                            <td>
                              <Show when={definition.status === 'draft'}>
                                <button
                                  type="button"
                                  class="button button--quiet"
                                  disabled={busy() === definition.id}
                                  aria-label={`${t('workflows.admin.publish')} ${definition.name}`}
                                  onClick={() =>
                                    void act(definition.id, () => publishDefinition(definition.id))
                                  }
                                >
                                  {t('workflows.admin.publish')}
                                </button>
                              </Show>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </section>
          </>
        )}
      </AsyncContent>
    </div>
  );
}
