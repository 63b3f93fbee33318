import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import {
  type DashboardInput,
  type DashboardWidget,
  dashboardInputSchema,
  MAX_WIDGETS,
  ROLES,
  type Role,
} from '../../../../core/api/index';
import { fetchPeople } from '../../lib/cases/lists';
import { createDashboard, deleteDashboard, fetchDashboard, updateDashboard } from '../../lib/dashboards';
import { errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { fetchReportCatalog } from '../../lib/reports';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { Checkbox } from '../../ui/Checkbox';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Loading } from '../../ui/Loading';
import { RetryAlert } from '../../ui/RetryAlert';
import { TextField } from '../../ui/TextField';
import { WidgetEditor } from './WidgetEditor';
import './dashboards.css';

const newWidgetId = () => `w-${crypto.randomUUID().slice(0, 8)}`;

/** The builder for admins: a dashboard's name, who sees it, and its widgets in order. */
export function DashboardBuilderPage() {
  const { t } = useI18n();
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const [catalog, { refetch: refetchCatalog }] = createResource(fetchReportCatalog);
  const [people] = createResource(fetchPeople);
  const [draft, setDraft] = createStore<DashboardInput>({ name: '', roles: ['director'], widgets: [] });
  const [existing, { refetch: refetchExisting }] = createResource(
    () => params.id,
    async (id) => {
      const dashboard = await fetchDashboard(id);
      setDraft(reconcile({ name: dashboard.name, roles: dashboard.roles, widgets: dashboard.widgets }));
      return dashboard;
    },
  );
  const [failure, setFailure] = createSignal<string | null>(null);
  const now = new Date();
  const [busy, setBusy] = createSignal(false);
  const [deleting, setDeleting] = createSignal<{ id: string; name: string } | null>(null);

  const addWidget = () => {
    const [first] = catalog() ?? [];
    if (!first) return;
    const widget: DashboardWidget = {
      id: newWidgetId(),
      title: '',
      chart: 'kpi',
      metrics: [first.metric],
      dimension: 'none',
      period: 'this_month',
    };
    setDraft('widgets', (widgets) => [...widgets, widget]);
  };
  const moveWidget = (from: number, by: -1 | 1) =>
    setDraft('widgets', (widgets) => {
      const next = [...widgets];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(from + by, 0, moved);
      return next;
    });
  const toggleRole = (role: Role, on: boolean) =>
    setDraft('roles', (roles) => (on ? [...roles, role] : roles.filter((r) => r !== role)));

  const save = async () => {
    const parsed = dashboardInputSchema.safeParse(JSON.parse(JSON.stringify(draft)));
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const where = String(issue?.path[0] ?? '');
      setFailure(
        where === 'name'
          ? t('dashboards.builder.nameRequired')
          : where === 'roles'
            ? t('dashboards.builder.rolesRequired')
            : t('dashboards.builder.fixWidgets'),
      );
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = params.id
        ? await updateDashboard(params.id, parsed.data)
        : await createDashboard(parsed.data);
      navigate(`/dashboards?d=${saved.id}`);
    } catch (error) {
      setFailure(t(errorMessageKey(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="admin-page dashboards">
      <div class="page-header">
        <div>
          <h1>{params.id ? t('dashboards.builder.editHeading') : t('dashboards.builder.newHeading')}</h1>
          <p class="lead">{t('dashboards.builder.intro')}</p>
        </div>
        <A class="button button--quiet" href={params.id ? `/dashboards?d=${params.id}` : '/dashboards'}>
          {t('common.cancel')}
        </A>
      </div>
      <Show
        when={!params.id || existing.state === 'ready'}
        fallback={
          <Show when={existing.state === 'errored'} fallback={<Loading label={t('common.loading')} />}>
            <RetryAlert error={existing.error} onRetry={() => void refetchExisting()} />
          </Show>
        }
      >
        <AsyncContent resource={catalog} onRetry={() => void refetchCatalog()}>
          {(entries) => (
            <form
              class="dashboard-form"
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <section class="card dashboard-form__meta">
                <TextField
                  label={t('dashboards.builder.name')}
                  value={draft.name}
                  onChange={(name) => setDraft('name', name)}
                  required
                />
                <fieldset class="dashboard-form__roles">
                  <legend class="field__label">{t('dashboards.builder.roles')}</legend>
                  <p class="muted">{t('dashboards.builder.rolesHint')}</p>
                  <div class="dashboard-form__role-list">
                    <For each={ROLES}>
                      {(role) => (
                        <Checkbox
                          label={t(`role.${role}`)}
                          checked={draft.roles.includes(role)}
                          onChange={(on) => toggleRole(role, on)}
                        />
                      )}
                    </For>
                  </div>
                </fieldset>
              </section>
              <ol class="widget-editors">
                <For each={draft.widgets}>
                  {(widget, index) => (
                    <WidgetEditor
                      widget={widget}
                      index={index()}
                      count={draft.widgets.length}
                      context={{ catalog: entries, people: people() ?? new Map(), now }}
                      onChange={(next) => setDraft('widgets', index(), reconcile(next))}
                      onMove={(by) => moveWidget(index(), by)}
                      onRemove={() =>
                        setDraft('widgets', (widgets) => widgets.filter((_, i) => i !== index()))
                      }
                    />
                  )}
                </For>
              </ol>
              <Show when={draft.widgets.length === 0}>
                <p class="empty">{t('dashboards.builder.noWidgets')}</p>
              </Show>
              <div class="button-row">
                <button
                  type="button"
                  class="button"
                  disabled={draft.widgets.length >= MAX_WIDGETS || entries.length === 0}
                  onClick={addWidget}
                >
                  {t('dashboards.builder.addWidget')}
                </button>
                <button type="submit" class="button button--primary" disabled={busy()}>
                  {t('dashboards.builder.save')}
                </button>
                <Show when={params.id}>
                  {(id) => (
                    <button
                      type="button"
                      class="button button--danger"
                      disabled={busy()}
                      onClick={() => setDeleting({ id: id(), name: existing()?.name ?? draft.name })}
                    >
                      {t('dashboards.builder.delete')}
                    </button>
                  )}
                </Show>
              </div>
              <Show when={failure()}>
                <Alert tone="error">{failure()}</Alert>
              </Show>
            </form>
          )}
        </AsyncContent>
      </Show>
      <ConfirmDialog
        subject={deleting()}
        title={(dashboard) => t('dashboards.builder.deleteTitle', { name: dashboard.name })}
        body={() => t('dashboards.builder.deleteBody')}
        confirmLabel={t('dashboards.builder.delete')}
        workingLabel={t('dashboards.builder.deleting')}
        tone="danger"
        action={async (dashboard) => {
          await deleteDashboard(dashboard.id);
          setDeleting(null);
          navigate('/dashboards');
        }}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
