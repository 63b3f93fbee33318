import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { DashboardView } from '../../../../core/api/index';
import { fetchPeople } from '../../lib/cases/lists';
import { installShippedDashboards, listDashboards } from '../../lib/dashboards';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { fetchReportCatalog } from '../../lib/reports';
import { useSession } from '../../lib/session';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/SelectField';
import { WidgetView } from './WidgetView';
import './dashboards.css';

/**
 * The dashboards shared with the viewer's roles (all of them, for admins), one at a time. Every
 * figure is fetched for the viewer: a counselor's widgets show their own work, finance its fees.
 */
export function DashboardsPage() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams<{ d?: string }>();
  const [list, { refetch }] = createResource(listDashboards);
  const [catalog, { refetch: refetchCatalog }] = createResource(fetchReportCatalog);
  const [people] = createResource(fetchPeople);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const now = new Date();
  const isAdmin = () => session()?.user.roles.includes('admin') ?? false;

  const chosen = createMemo((): DashboardView | undefined => {
    const dashboards = list.latest?.dashboards ?? [];
    return dashboards.find((dashboard) => dashboard.id === search.d) ?? dashboards[0];
  });

  const install = async () => {
    setFailure(null);
    try {
      const { installed } = await installShippedDashboards(locale());
      setNotice(t('dashboards.installedCount', { count: installed.length }));
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <div class="admin-page dashboards">
      <div class="page-header">
        <div>
          <h1>{t('dashboards.heading')}</h1>
          <p class="lead">{t('dashboards.intro')}</p>
        </div>
        <Show when={isAdmin()}>
          <div class="button-row">
            <Show when={(list.latest?.shippedMissing.length ?? 0) > 0}>
              <button type="button" class="button" onClick={() => void install()}>
                {t('dashboards.installShipped')}
              </button>
            </Show>
            <Show when={chosen()}>
              {(dashboard) => (
                <A class="button" href={`/dashboards/${dashboard().id}/edit`}>
                  {t('dashboards.edit')}
                </A>
              )}
            </Show>
            <A class="button button--primary" href="/dashboards/new">
              {t('dashboards.new')}
            </A>
          </div>
        </Show>
      </div>
      <Show when={notice()}>
        <Alert tone="success">{notice()}</Alert>
      </Show>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <AsyncContent resource={list} onRetry={() => void refetch()}>
        {({ dashboards }) => (
          <Show
            when={chosen()}
            fallback={
              <EmptyState
                title={t('dashboards.none')}
                hint={isAdmin() ? t('dashboards.noneHintAdmin') : t('dashboards.noneHint')}
              />
            }
          >
            {(dashboard) => (
              <>
                <Show when={dashboards.length > 1}>
                  <div class="dashboards__picker">
                    <SelectField
                      label={t('dashboards.choose')}
                      value={dashboard().id}
                      options={dashboards.map((candidate) => candidate.id)}
                      optionLabel={(id) => dashboards.find((candidate) => candidate.id === id)?.name ?? id}
                      onChange={(id) => setSearch({ d: id })}
                      disabled={false}
                    />
                  </div>
                </Show>
                <h2 class="dashboards__name">{dashboard().name}</h2>
                <Show when={isAdmin()}>
                  <p class="muted">
                    {t('dashboards.sharedWith', {
                      roles: dashboard()
                        .roles.map((role) => t(`role.${role}`))
                        .join('、'),
                    })}
                  </p>
                </Show>
                <AsyncContent resource={catalog} onRetry={() => void refetchCatalog()}>
                  {(entries) => (
                    <div class="widget-grid">
                      <For
                        each={dashboard().widgets}
                        fallback={<p class="empty">{t('dashboards.noWidgets')}</p>}
                      >
                        {(widget) => (
                          <WidgetView
                            widget={widget}
                            context={{ catalog: entries, people: people() ?? new Map(), now }}
                          />
                        )}
                      </For>
                    </div>
                  )}
                </AsyncContent>
              </>
            )}
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}
