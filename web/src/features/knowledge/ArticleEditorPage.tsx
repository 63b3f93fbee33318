import { TextField as Kobalte } from '@kobalte/core/text-field';
import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { AppError, errorMessageKey } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import {
  type ArticleAttachmentRef,
  type CategoryView,
  listCategories,
  type NewAttachment,
  readKnowledgeArticle,
  saveKnowledgeArticle,
} from '../../lib/knowledge';
import { useSession } from '../../lib/session';
import { useVault } from '../../lib/vault-context';
import { Alert } from '../../ui/Alert';
import { AsyncContent } from '../../ui/AsyncContent';
import { SelectField } from '../../ui/SelectField';
import { SubmitButton } from '../../ui/SubmitButton';
import { TextField } from '../../ui/TextField';
import { formatFileSize } from '../forms/file-value';
import { canWriteKnowledge } from './labels';
import { renderArticleMarkdown } from './markdown';
import './knowledge.css';

interface Starting {
  /** loaded with the article, so the category choice is drawn with its options */
  readonly categories: readonly CategoryView[];
  readonly previous?: { id: string; version: number };
  readonly categoryId: string | null;
  readonly title: string;
  readonly body: string;
  readonly attachments: readonly ArticleAttachmentRef[];
}

const NO_CATEGORY = '';

/**
 * Writing an article (/knowledge/new) or its next version (/knowledge/:id/edit): sealed under the
 * staff key and signed here. Files are added to an article that exists, so a new one is saved first.
 */
export function ArticleEditorPage() {
  const params = useParams<{ id?: string }>();
  const { t } = useI18n();
  const { vault } = useVault();
  const { session } = useSession();
  const writer = () => canWriteKnowledge(session()?.user.roles ?? []);
  const [starting, { refetch }] = createResource(
    () => (writer() ? (params.id ?? '') : undefined),
    async (id): Promise<Starting> => {
      if (!id)
        return { categories: await listCategories(), categoryId: null, title: '', body: '', attachments: [] };
      const [categories, article] = await Promise.all([
        listCategories(),
        vault.withKeys((keys) => readKnowledgeArticle(keys, id)),
      ]);
      const latest = article.versions.at(-1);
      // Editing builds on the current version only once it has passed its checks.
      if (!latest?.ok) throw new AppError('integrity', 'the current version failed its checks');
      return {
        categories,
        previous: { id, version: article.latest },
        categoryId: article.categoryId,
        title: latest.version.title,
        body: latest.version.body,
        attachments: latest.version.attachments,
      };
    },
  );
  return (
    <div class="knowledge-page">
      <A href={params.id ? `/knowledge/${params.id}` : '/knowledge'} class="back-link">
        {t('knowledge.back')}
      </A>
      <Show when={writer()} fallback={<Alert tone="warning">{t('error.forbidden')}</Alert>}>
        <AsyncContent resource={starting} onRetry={() => void refetch()}>
          {(start) => <ArticleEditor start={start} />}
        </AsyncContent>
      </Show>
    </div>
  );
}

function ArticleEditor(props: { start: Starting }) {
  const { t } = useI18n();
  const { vault } = useVault();
  const navigate = useNavigate();
  const categories = () => props.start.categories;
  const [categoryId, setCategoryId] = createSignal(props.start.categoryId ?? NO_CATEGORY);
  const [title, setTitle] = createSignal(props.start.title);
  const [body, setBody] = createSignal(props.start.body);
  const [kept, setKept] = createSignal<readonly ArticleAttachmentRef[]>(props.start.attachments);
  const [added, setAdded] = createSignal<readonly NewAttachment[]>([]);
  const [titleMissing, setTitleMissing] = createSignal(false);
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const previous = props.start.previous;
  const categoryLabel = (id: string) =>
    id === NO_CATEGORY
      ? t('knowledge.editor.noCategory')
      : (categories().find((c) => c.id === id)?.name ?? '');

  const addFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    const read = await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        type: file.type,
        data: new Uint8Array(await file.arrayBuffer()),
      })),
    );
    setAdded((current) => [...current, ...read]);
  };

  const save = async () => {
    if (!title().trim()) return setTitleMissing(true);
    setSaving(true);
    setFailure(null);
    try {
      const id = await vault.withKeys((keys) =>
        saveKnowledgeArticle(keys, {
          categoryId: categoryId() === NO_CATEGORY ? null : categoryId(),
          title: title(),
          body: body(),
          attachments: kept(),
          newFiles: added(),
          ...(previous && { previous }),
        }),
      );
      navigate(`/knowledge/${id}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      class="knowledge-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h1>
        {previous
          ? t('knowledge.editor.editHeading', { version: previous.version + 1 })
          : t('knowledge.editor.newHeading')}
      </h1>
      <Show when={failure()}>
        <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
      </Show>
      <div class="knowledge-editor__grid">
        <div class="knowledge-editor__fields card">
          <SelectField
            label={t('knowledge.editor.category')}
            value={categoryId()}
            options={[NO_CATEGORY, ...categories().map((category) => category.id)]}
            optionLabel={categoryLabel}
            onChange={setCategoryId}
            disabled={saving()}
          />
          <TextField
            label={t('knowledge.editor.title')}
            value={title()}
            onChange={(value) => {
              setTitle(value);
              setTitleMissing(false);
            }}
            required
            disabled={saving()}
            error={titleMissing() ? t('knowledge.editor.titleRequired') : null}
          />
          <Kobalte class="field" value={body()} onChange={setBody} disabled={saving()}>
            <Kobalte.Label class="field__label">{t('knowledge.editor.body')}</Kobalte.Label>
            <Kobalte.TextArea class="field__input field__textarea knowledge-editor__body" rows={16} />
            <Kobalte.Description class="field__hint">{t('knowledge.editor.bodyHint')}</Kobalte.Description>
          </Kobalte>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('knowledge.editor.attachments')}</legend>
            <Show when={previous} fallback={<p class="muted">{t('knowledge.editor.filesAfterSave')}</p>}>
              <ul class="knowledge-attachments">
                <For each={kept()}>
                  {(file) => (
                    <li class="knowledge-attachment">
                      <span>
                        {t('knowledge.article.attachment', {
                          name: file.name,
                          size: formatFileSize(file.size),
                        })}
                      </span>
                      <button
                        type="button"
                        class="button button--quiet"
                        disabled={saving()}
                        onClick={() => setKept((current) => current.filter((other) => other.id !== file.id))}
                      >
                        {t('knowledge.editor.remove')}
                      </button>
                    </li>
                  )}
                </For>
                <For each={added()}>
                  {(file) => (
                    <li class="knowledge-attachment">
                      <span>
                        {t('knowledge.editor.newFile', {
                          name: file.name,
                          size: formatFileSize(file.data.length),
                        })}
                      </span>
                      <button
                        type="button"
                        class="button button--quiet"
                        disabled={saving()}
                        onClick={() => setAdded((current) => current.filter((other) => other !== file))}
                      >
                        {t('knowledge.editor.remove')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
              <label class="field">
                <span class="field__label">{t('knowledge.editor.addFiles')}</span>
                <input
                  type="file"
                  class="field__file"
                  multiple
                  disabled={saving()}
                  onChange={(event) => void addFiles(event.currentTarget)}
                />
              </label>
            </Show>
          </fieldset>
          <div class="button-row">
            <SubmitButton
              busy={saving()}
              label={t('knowledge.editor.save')}
              busyLabel={t('knowledge.editor.saving')}
              block={false}
            />
            <A href={previous ? `/knowledge/${previous.id}` : '/knowledge'} class="button button--quiet">
              {t('knowledge.editor.cancel')}
            </A>
          </div>
        </div>
        <section class="knowledge-editor__preview card" aria-labelledby="knowledge-preview-title">
          <h2 id="knowledge-preview-title" class="card__title">
            {t('knowledge.editor.preview')}
          </h2>
          <div class="knowledge-article__body" innerHTML={renderArticleMarkdown(body())} />
        </section>
      </div>
    </form>
  );
}
