import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { type CaseRecord, downloadCaseAttachment, type Person } from '../../lib/cases';
import { useI18n } from '../../lib/i18n';
import { useVault } from '../../lib/vault-context';
import { OperationProgress } from '../../ui/OperationProgress';
import { FormView, RawValuesView } from '../forms/FormView';
import type { StoredFile } from '../forms/file-value';
import { localized } from '../forms/localized';

/** Cards in the first paint: more than a tall screen holds. */
const FIRST_SCREEN = 8;
/** Cards added per task afterwards, so the page stays responsive while the rest arrive. */
const BATCH = 40;

/**
 * Decrypted records, read-only, each under its form's title, date and author. A long file shows
 * its first screenful at once and the rest in batches after the first paint (docs/benchmarks.md).
 * Plain links (the router still takes their clicks): a router `A` per card cost more than its form.
 */
export function RecordList(props: {
  caseId: string;
  records: readonly CaseRecord[];
  people: ReadonlyMap<string, Person>;
  canWrite: boolean;
  /** revisions of one record: no actions, the revision number shown */
  asHistory?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  // one formatter for the whole list: building an Intl.DateTimeFormat per card costs more than the card
  const dateTime = createMemo(
    () => new Intl.DateTimeFormat(i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }),
  );
  const { vault } = useVault();
  const [shownCount, setShownCount] = createSignal(FIRST_SCREEN);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const more = () => {
    // every card is there: from now on the list shows whatever the file holds
    if (shownCount() >= props.records.length) {
      setShownCount(Number.POSITIVE_INFINITY);
      return;
    }
    setShownCount((count) => count + BATCH);
    timer = setTimeout(more);
  };
  onMount(() => {
    // after the first paint: a frame, then a task
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(more);
    });
    onCleanup(() => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    });
  });
  const shown = () => props.records.slice(0, shownCount());
  /** The attachment being fetched and opened, chunk by chunk, and the record it belongs to. */
  const [fetching, setFetching] = createSignal<{
    recordId: string;
    name: string;
    done: number;
    total: number;
  } | null>(null);
  const downloadFor = async (recordId: string, file: StoredFile) => {
    const name = file.name ?? t('form.file.unnamed');
    try {
      return await vault.withKeys((keys) =>
        downloadCaseAttachment(keys, props.caseId, file, (done, total) =>
          setFetching({ recordId, name, done, total }),
        ),
      );
    } finally {
      setFetching(null);
    }
  };
  return (
    <ol class="record-list">
      <For each={shown()}>
        {(record) => (
          <li class="record-card">
            <div class="record-card__header">
              <h3 class="record-card__title">
                {record.form
                  ? localized(i18n, record.form.title)
                  : t('case.records.unknownForm', { form: record.formRef })}
              </h3>
              <Show when={record.fromPortal}>
                <span class="badge">{t('case.records.fromPortal')}</span>
              </Show>
              <Show when={record.rev > 1 || props.asHistory}>
                <span class="badge badge--muted">{t('case.records.revision', { rev: record.rev })}</span>
              </Show>
            </div>
            <p class="muted record-card__meta">
              {t('case.records.meta', {
                date: dateTime().format(record.writtenAt),
                author: props.people.get(record.authorId)?.displayName ?? record.authorId,
              })}
            </p>
            <Show when={record.form} fallback={<RawValuesView values={record.values} />}>
              {(form) => (
                <FormView
                  form={form()}
                  values={record.values}
                  download={(file) => downloadFor(record.recordId, file)}
                />
              )}
            </Show>
            <Show when={fetching()?.recordId === record.recordId ? fetching() : null}>
              {(progress) => (
                <OperationProgress
                  label={t('case.download.progress', {
                    name: progress().name,
                    done: progress().done,
                    total: progress().total,
                  })}
                  done={progress().done}
                  total={progress().total}
                />
              )}
            </Show>
            <Show when={!props.asHistory}>
              <div class="button-row record-card__actions">
                <Show when={props.canWrite && record.form}>
                  {(form) => (
                    <a
                      class="button"
                      href={`/cases/${props.caseId}/write/${form().id}?record=${record.recordId}`}
                    >
                      {t('case.records.correct')}
                    </a>
                  )}
                </Show>
                <Show when={record.rev > 1}>
                  <a class="button button--quiet" href={`/cases/${props.caseId}?history=${record.recordId}`}>
                    {t('case.records.history')}
                  </a>
                </Show>
              </div>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
