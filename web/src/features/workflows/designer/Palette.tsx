import { For } from 'solid-js';
import { useI18n } from '../../../lib/i18n';
import { PALETTE_TYPES, type PaletteType } from './graph';
import { useStepText } from './step-text';

/** The steps an admin can add; a new step lands beside the selected one, ready to wire. */
export function Palette(props: { onAdd: (type: PaletteType) => void }) {
  const { t } = useI18n();
  const text = useStepText();
  return (
    <section class="card wfd-palette" aria-labelledby="wfd-palette-heading">
      <h2 id="wfd-palette-heading">{t('workflowDesigner.palette.heading')}</h2>
      <ul class="wfd-palette__list">
        <For each={PALETTE_TYPES}>
          {(type) => (
            <li>
              <button
                type="button"
                class={`button wfd-palette__item wfd-palette__item--${type}`}
                aria-label={t('workflowDesigner.palette.add', { type: text.typeName(type) })}
                onClick={() => props.onAdd(type)}
              >
                + {text.typeName(type)}
              </button>
            </li>
          )}
        </For>
      </ul>
      <p class="field__hint">{t('workflowDesigner.palette.hint')}</p>
    </section>
  );
}
