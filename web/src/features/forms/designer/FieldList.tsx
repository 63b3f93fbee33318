import { createSignal, For, Show } from 'solid-js';
import type { FieldType, FormField } from '../../../../../core/forms/index';
import { useI18n } from '../../../lib/i18n';
import { localized } from '../localized';
import { FIELD_TYPES } from './model';

/**
 * The palette and the form's fields. Fields come from the palette by drag and drop or by a
 * click (Enter); they are reordered by dragging or with the move buttons (or Alt+↑/↓ on a field),
 * and every move is announced.
 */

const TYPE_MIME = 'application/x-tacit-field-type';
const INDEX_MIME = 'application/x-tacit-field-index';

export function FieldPalette(props: { onAdd: (type: FieldType) => void }) {
  const { t } = useI18n();
  return (
    <section class="card designer-palette" aria-labelledby="palette-heading">
      <h2 class="card__title" id="palette-heading">
        {t('designer.palette')}
      </h2>
      <p class="field__hint">{t('designer.paletteHint')}</p>
      <ul class="designer-palette__list">
        <For each={FIELD_TYPES}>
          {(type) => (
            <li>
              <button
                type="button"
                class="button designer-palette__item"
                draggable="true"
                aria-label={t('designer.addField', { type: t(`designer.type.${type}`) })}
                onDragStart={(event) => {
                  event.dataTransfer?.setData(TYPE_MIME, type);
                  if (event.dataTransfer) event.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => props.onAdd(type)}
              >
                {t(`designer.type.${type}`)}
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

export function FieldList(props: {
  fields: readonly FormField[];
  selected: number | null;
  onSelect: (index: number) => void;
  onInsert: (type: FieldType, at: number) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [dropAt, setDropAt] = createSignal<number | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  const buttons: HTMLButtonElement[] = [];

  const move = (from: number, to: number) => {
    if (to < 0 || to >= props.fields.length) return;
    props.onMove(from, to);
    const field = props.fields[to];
    setAnnouncement(
      t('designer.moved', { label: field ? localized(i18n, field.label) : '', position: to + 1 }),
    );
    queueMicrotask(() => buttons[to]?.focus());
  };
  const drop = (event: DragEvent, at: number) => {
    event.preventDefault();
    setDropAt(null);
    const type = event.dataTransfer?.getData(TYPE_MIME);
    const from = event.dataTransfer?.getData(INDEX_MIME);
    if (type && (FIELD_TYPES as readonly string[]).includes(type)) props.onInsert(type as FieldType, at);
    else if (from) {
      const index = Number(from);
      move(index, index < at ? at - 1 : at);
    }
  };
  const over = (event: DragEvent, at: number) => {
    event.preventDefault();
    setDropAt(at);
  };

  return (
    <section class="card designer-fields" aria-labelledby="fields-heading">
      <h2 class="card__title" id="fields-heading">
        {t('designer.fields')}
      </h2>
      <Show when={props.fields.length === 0}>
        <p class="empty">{t('designer.noFields')}</p>
      </Show>
      <ol class="designer-fields__list">
        <For each={props.fields}>
          {(field, index) => (
            <li
              class="designer-field"
              classList={{
                'designer-field--selected': props.selected === index(),
                'designer-field--drop': dropAt() === index(),
              }}
              draggable="true"
              onDragStart={(event) => event.dataTransfer?.setData(INDEX_MIME, String(index()))}
              onDragOver={(event) => over(event, index())}
              onDragLeave={() => setDropAt(null)}
              onDrop={(event) => drop(event, index())}
            >
              <button
                ref={(element) => {
                  buttons[index()] = element;
                }}
                type="button"
                class="designer-field__select"
                aria-pressed={props.selected === index()}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onClick={() => props.onSelect(index())}
                onKeyDown={(event) => {
                  if (!event.altKey) return;
                  if (event.key === 'ArrowUp') move(index(), index() - 1);
                  else if (event.key === 'ArrowDown') move(index(), index() + 1);
                  else return;
                  event.preventDefault();
                }}
              >
                <span class="designer-field__label">{localized(i18n, field.label)}</span>
                <span class="designer-field__meta">
                  {t(`designer.type.${field.type}`)}
                  <Show when={field.required}> · {t('designer.badge.required')}</Show>
                  <Show when={field.sensitivity === 'operational'}> · {t('designer.badge.operational')}</Show>
                  <Show when={field.showIf !== undefined}> · {t('designer.badge.conditional')}</Show>
                </span>
              </button>
              <div class="designer-field__actions">
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={index() === 0}
                  aria-label={t('designer.moveUp', { label: localized(i18n, field.label) })}
                  onClick={() => move(index(), index() - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={index() === props.fields.length - 1}
                  aria-label={t('designer.moveDown', { label: localized(i18n, field.label) })}
                  onClick={() => move(index(), index() + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={t('designer.remove', { label: localized(i18n, field.label) })}
                  onClick={() => props.onRemove(index())}
                >
                  ×
                </button>
              </div>
            </li>
          )}
        </For>
      </ol>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for pointer drags; the palette's buttons are the keyboard way */}
      <div
        class="designer-fields__end"
        classList={{ 'designer-field--drop': dropAt() === props.fields.length }}
        onDragOver={(event) => over(event, props.fields.length)}
        onDragLeave={() => setDropAt(null)}
        onDrop={(event) => drop(event, props.fields.length)}
      >
        {t('designer.dropHere')}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
    </section>
  );
}
