import { createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { type FormField, fieldIdSchema } from '../../../../../core/forms/index';
import { useI18n } from '../../../lib/i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { ConditionEditor } from './ConditionEditor';
import { LocalizedInputs, OptionalNumber, TextInput } from './inputs';
import { ALWAYS_SECRET, type DesignedForm } from './model';
import { OptionsEditor, ScoreEditor } from './OptionsEditor';

/** The property panel: everything about the selected field, changed as you type. */
export function FieldProperties(props: {
  form: DesignedForm;
  field: FormField;
  onChange: (field: FormField) => void;
  onRename: (id: string) => void;
}) {
  const { t } = useI18n();
  const sensitivityId = createUniqueId();
  // biome-ignore lint/suspicious/noExplicitAny: one patch for every member of the field union; the schema checks the result
  const patch = (changes: Record<string, any>) => {
    const next = { ...props.field, ...changes } as Record<string, unknown>;
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key];
    props.onChange(next as FormField);
  };
  const idTaken = () =>
    props.form.fields.filter((field) => field.id === props.field.id).length > 1
      ? t('designer.idTaken')
      : fieldIdSchema.safeParse(props.field.id).success
        ? null
        : t('designer.idInvalid');
  const others = () =>
    props.form.fields.filter((field) => field.id !== props.field.id && field.type !== 'section');
  const locked = () => ALWAYS_SECRET.includes(props.field.type);
  const takesValue = () => props.field.type !== 'section' && props.field.type !== 'score';
  const field = <T extends FormField['type']>(type: T) =>
    props.field.type === type ? (props.field as Extract<FormField, { type: T }>) : undefined;

  return (
    <section class="card field-properties" aria-labelledby="field-properties-heading">
      <h2 class="card__title" id="field-properties-heading">
        {t('designer.properties', { type: t(`designer.type.${props.field.type}`) })}
      </h2>
      <TextInput
        label={t('designer.fieldId')}
        value={props.field.id}
        error={idTaken()}
        onChange={props.onRename}
      />
      <LocalizedInputs
        label={t('designer.label')}
        value={props.field.label}
        onChange={(label) => patch({ label })}
      />
      <LocalizedInputs
        label={t('designer.help')}
        value={props.field.help}
        optional
        multiline
        onChange={(help) => patch({ help })}
      />
      <Show when={takesValue()}>
        <Checkbox
          label={t('designer.required')}
          checked={props.field.required}
          onChange={(required) => patch({ required })}
        />
      </Show>
      <Show when={props.field.type !== 'section'}>
        <fieldset class="fieldset" aria-describedby={`${sensitivityId}-note`}>
          <legend class="fieldset__legend">{t('designer.sensitivity')}</legend>
          <For each={['secret', 'operational'] as const}>
            {(level) => (
              <label class="designer-radio">
                <input
                  type="radio"
                  name={sensitivityId}
                  value={level}
                  checked={props.field.sensitivity === level}
                  disabled={locked() && level === 'operational'}
                  onChange={() => patch({ sensitivity: level })}
                />
                {t(`designer.sensitivity.${level}`)}
              </label>
            )}
          </For>
          <p class="field__hint" id={`${sensitivityId}-note`}>
            {locked() ? t('designer.sensitivity.locked') : t('designer.sensitivity.note')}
          </p>
        </fieldset>
      </Show>

      <Switch>
        <Match when={field('text') ?? field('longText')}>
          {(text) => (
            <div class="field-grid">
              <OptionalNumber
                label={t('designer.minLength')}
                integer
                value={text().minLength}
                onChange={(minLength) => patch({ minLength })}
              />
              <OptionalNumber
                label={t('designer.maxLength')}
                integer
                value={text().maxLength}
                onChange={(maxLength) => patch({ maxLength: maxLength ?? 200 })}
              />
              <Show when={field('text')}>
                {(line) => (
                  <TextInput
                    label={t('designer.pattern')}
                    value={line().pattern ?? ''}
                    onChange={(pattern) => patch({ pattern: pattern || undefined })}
                  />
                )}
              </Show>
            </div>
          )}
        </Match>
        <Match when={field('number')}>
          {(number) => (
            <div class="field-grid">
              <OptionalNumber
                label={t('designer.min')}
                value={number().min}
                onChange={(min) => patch({ min })}
              />
              <OptionalNumber
                label={t('designer.max')}
                value={number().max}
                onChange={(max) => patch({ max })}
              />
              <Checkbox
                label={t('designer.integer')}
                checked={number().integer}
                onChange={(integer) => patch({ integer })}
              />
            </div>
          )}
        </Match>
        <Match when={field('date')}>
          {(date) => (
            <div class="field-grid">
              <TextInput
                type="date"
                label={t('designer.earliest')}
                value={date().min ?? ''}
                onChange={(min) => patch({ min: min || undefined })}
              />
              <TextInput
                type="date"
                label={t('designer.latest')}
                value={date().max ?? ''}
                onChange={(max) => patch({ max: max || undefined })}
              />
            </div>
          )}
        </Match>
        <Match when={'options' in props.field}>
          <OptionsEditor field={props.field} onChange={props.onChange} />
        </Match>
        <Match when={field('score')}>
          {(score) => <ScoreEditor form={props.form} field={score()} onChange={props.onChange} />}
        </Match>
        <Match when={field('file')}>
          {(file) => (
            <OptionalNumber
              label={t('designer.maxMegabytes')}
              value={megabytes(file().maxBytes)}
              onChange={(megabytes) =>
                patch({ maxBytes: megabytes === undefined ? undefined : Math.round(megabytes * 1024 * 1024) })
              }
            />
          )}
        </Match>
      </Switch>

      <ConditionEditor
        legend={t('designer.showIf')}
        logic={props.field.showIf}
        fields={others()}
        onChange={(showIf) => patch({ showIf })}
      />
      <Show when={takesValue()}>
        <ConditionEditor
          legend={t('designer.requiredIf')}
          logic={props.field.requiredIf}
          fields={others()}
          onChange={(requiredIf) => patch({ requiredIf })}
        />
      </Show>
    </section>
  );
}

const megabytes = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / (1024 * 1024));
