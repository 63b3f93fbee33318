import { For, Index, Show } from 'solid-js';
import type { FormField, LocalizedText } from '../../../../../core/forms/index';
import { useI18n } from '../../../lib/i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { localized } from '../localized';
import { OptionalNumber, TextInput } from './inputs';
import type { DesignedForm } from './model';

type OptionField = Extract<FormField, { options: unknown }>;
type ScoreField = Extract<FormField, { type: 'score' }>;
interface EditedOption {
  value: string | number;
  label: LocalizedText;
}

/** The choices of a single, multiple, dropdown or Likert field: code (or points) and both labels. */
export function OptionsEditor(props: { field: FormField; onChange: (field: FormField) => void }) {
  const { t } = useI18n();
  const field = () => props.field as OptionField;
  const isLikert = () => props.field.type === 'likert';
  const options = () => field().options as EditedOption[];
  const set = (options: EditedOption[]) => props.onChange({ ...field(), options } as FormField);
  const change = (index: number, patch: Partial<EditedOption>) =>
    set(options().map((option, at) => (at === index ? { ...option, ...patch } : option)));
  const add = () => {
    const n = options().length + 1;
    const value = isLikert()
      ? Math.max(0, ...options().map((option) => Number(option.value))) + 1
      : `option_${n}`;
    set([...options(), { value, label: { 'zh-CN': `选项 ${n}`, en: `Option ${n}` } }]);
  };

  return (
    <fieldset class="fieldset options-editor">
      <legend class="fieldset__legend">{t(isLikert() ? 'designer.points' : 'designer.options')}</legend>
      <ol class="options-editor__list">
        <Index each={options()}>
          {(option, index) => (
            <li class="options-editor__row">
              <Show
                when={isLikert()}
                fallback={
                  <TextInput
                    label={t('designer.optionCode', { n: index + 1 })}
                    value={String(option().value)}
                    onChange={(value) => change(index, { value })}
                  />
                }
              >
                <OptionalNumber
                  label={t('designer.optionPoints', { n: index + 1 })}
                  integer
                  value={Number(option().value)}
                  onChange={(value) => change(index, { value: value ?? 0 })}
                />
              </Show>
              <TextInput
                label={t('designer.optionZh', { n: index + 1 })}
                value={option().label['zh-CN']}
                onChange={(zh) => change(index, { label: { ...option().label, 'zh-CN': zh } })}
              />
              <TextInput
                label={t('designer.optionEn', { n: index + 1 })}
                value={option().label.en}
                onChange={(en) => change(index, { label: { ...option().label, en } })}
              />
              <button
                type="button"
                class="button button--quiet"
                disabled={options().length <= 2}
                aria-label={t('designer.removeOption', { n: index + 1 })}
                onClick={() => set(options().filter((_, at) => at !== index))}
              >
                ×
              </button>
            </li>
          )}
        </Index>
      </ol>
      <button type="button" class="button" onClick={add}>
        {t('designer.addOption')}
      </button>
      <Show when={props.field.type === 'multipleChoice'}>
        <div class="field-grid">
          <OptionalNumber
            label={t('designer.minSelected')}
            integer
            value={(props.field as Extract<FormField, { type: 'multipleChoice' }>).minSelected}
            onChange={(minSelected) => props.onChange({ ...field(), minSelected } as FormField)}
          />
          <OptionalNumber
            label={t('designer.maxSelected')}
            integer
            value={(props.field as Extract<FormField, { type: 'multipleChoice' }>).maxSelected}
            onChange={(maxSelected) => props.onChange({ ...field(), maxSelected } as FormField)}
          />
        </div>
      </Show>
    </fieldset>
  );
}

/** What a score adds up, how, and the bands it reports (a band may raise a risk flag). */
export function ScoreEditor(props: {
  form: DesignedForm;
  field: ScoreField;
  onChange: (field: FormField) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const candidates = () =>
    props.form.fields.filter((field) => field.type === 'likert' || field.type === 'number');
  const set = (patch: Partial<ScoreField>) => props.onChange({ ...props.field, ...patch });
  const setBand = (index: number, patch: Partial<ScoreField['bands'][number]>) =>
    set({ bands: props.field.bands.map((band, at) => (at === index ? { ...band, ...patch } : band)) });

  return (
    <>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('designer.scoreItems')}</legend>
        <Show when={candidates().length > 0} fallback={<p class="muted">{t('designer.scoreNoItems')}</p>}>
          <For each={candidates()}>
            {(item) => (
              <Checkbox
                label={localized(i18n, item.label)}
                checked={props.field.items.includes(item.id)}
                onChange={(checked) =>
                  set({
                    items: checked
                      ? [...props.field.items, item.id]
                      : props.field.items.filter((id) => id !== item.id),
                  })
                }
              />
            )}
          </For>
        </Show>
        <label class="field">
          <span class="field__label">{t('designer.scoreMethod')}</span>
          <select
            class="field__select"
            value={props.field.method}
            onChange={(event) => set({ method: event.currentTarget.value as ScoreField['method'] })}
          >
            <option value="sum">{t('designer.scoreSum')}</option>
            <option value="mean">{t('designer.scoreMean')}</option>
          </select>
        </label>
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('designer.bands')}</legend>
        <ol class="options-editor__list">
          <Index each={props.field.bands}>
            {(band, index) => (
              <li class="options-editor__row">
                <OptionalNumber
                  label={t('designer.bandFrom', { n: index + 1 })}
                  value={band().min}
                  onChange={(min) => setBand(index, { min: min ?? 0 })}
                />
                <OptionalNumber
                  label={t('designer.bandTo', { n: index + 1 })}
                  value={band().max}
                  onChange={(max) => setBand(index, { max: max ?? 0 })}
                />
                <TextInput
                  label={t('designer.optionZh', { n: index + 1 })}
                  value={band().label['zh-CN']}
                  onChange={(zh) => setBand(index, { label: { ...band().label, 'zh-CN': zh } })}
                />
                <TextInput
                  label={t('designer.optionEn', { n: index + 1 })}
                  value={band().label.en}
                  onChange={(en) => setBand(index, { label: { ...band().label, en } })}
                />
                <Checkbox
                  label={t('designer.bandRisk')}
                  checked={band().flag === 'risk'}
                  onChange={(risk) => {
                    const { flag: _, ...rest } = band();
                    set({
                      bands: props.field.bands.map((current, at) =>
                        at === index ? (risk ? { ...rest, flag: 'risk' as const } : rest) : current,
                      ),
                    });
                  }}
                />
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={t('designer.removeBand', { n: index + 1 })}
                  onClick={() => set({ bands: props.field.bands.filter((_, at) => at !== index) })}
                >
                  ×
                </button>
              </li>
            )}
          </Index>
        </ol>
        <button
          type="button"
          class="button"
          onClick={() => {
            const last = props.field.bands.at(-1);
            const from = last ? last.max + 1 : 0;
            set({
              bands: [
                ...props.field.bands,
                { min: from, max: from + 4, label: { 'zh-CN': `区间 ${from}`, en: `Band ${from}` } },
              ],
            });
          }}
        >
          {t('designer.addBand')}
        </button>
      </fieldset>
    </>
  );
}
