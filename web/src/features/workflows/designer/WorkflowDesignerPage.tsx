import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../../lib/i18n';
import { type DefinitionView, listDefinitions } from '../../../lib/workflows';
import { Alert } from '../../../ui/Alert';
import { AsyncContent } from '../../../ui/AsyncContent';
import { WorkflowEditor } from './WorkflowEditor';
import '../workflow-designer.css';

/** Which version opens by default: the draft being worked on, else the one in force. */
function defaultVersion(versions: readonly DefinitionView[]): DefinitionView | undefined {
  return (
    versions.find((view) => view.status === 'draft') ??
    versions.find((view) => view.status === 'published') ??
    versions[0]
  );
}

/**
 * /admin/workflows/:key — one process in the visual designer. The draft is edited in place; a
 * published or retired version opens read-only, and editing it starts the next version.
 */
export function WorkflowDesignerPage() {
  const { t } = useI18n();
  const params = useParams<{ key: string }>();
  const [search, setSearch] = useSearchParams<{ version?: string }>();
  const [definitions, { refetch }] = createResource(listDefinitions);
  const [notice, setNotice] = createSignal<string | null>(null);

  const versions = createMemo(() =>
    (definitions()?.definitions ?? [])
      .filter((view) => view.key === params.key)
      .sort((a, b) => b.version - a.version),
  );
  const opened = createMemo(() => {
    const wanted = Number(search.version);
    return versions().find((view) => view.version === wanted) ?? defaultVersion(versions());
  });
  const open = (version: number) => setSearch({ version: String(version) });

  return (
    <div class="admin-page wfd-page">
      <A href="/admin/workflows" class="back-link">
        {t('workflowDesigner.back')}
      </A>
      <Show when={notice()}>{(message) => <Alert tone="success">{message()}</Alert>}</Show>
      <AsyncContent resource={definitions} onRetry={() => void refetch()}>
        {() => (
          <Show when={opened()} keyed fallback={<p class="empty">{t('workflowDesigner.notFound')}</p>}>
            {(view) => (
              <>
                <nav class="wfd-versions" aria-label={t('workflowDesigner.versions')}>
                  <For each={versions()}>
                    {(version) => (
                      <A
                        href={`/admin/workflows/${version.key}?version=${version.version}`}
                        class="wfd-versions__link"
                        aria-current={version.id === view.id ? 'page' : undefined}
                      >
                        {t('workflowDesigner.versionLabel', {
                          version: version.version,
                          status: t(`workflows.status.${version.status}`),
                        })}
                      </A>
                    )}
                  </For>
                </nav>
                <WorkflowEditor
                  view={view}
                  hasDraft={versions().some((version) => version.status === 'draft')}
                  onNotice={setNotice}
                  onStored={async (version) => {
                    await refetch();
                    open(version);
                  }}
                />
              </>
            )}
          </Show>
        )}
      </AsyncContent>
    </div>
  );
}
