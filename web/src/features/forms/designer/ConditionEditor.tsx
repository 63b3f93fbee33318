import { For, Index, Show } from 'solid-js';
import {
  compileConditions,
  type FormField,
  OPERATORS_WITH_VALUE,
  readConditions,
  type SimpleCondition,
  type SimpleConditionSet,
  type SimpleOperator,
} from '../../../../../core/forms/index';
import { useI18n } from '../../../lib/i18n';
import { localized } from '../localized';
import { operatorsFor } from './model';

/**
 * "Show this field when …" / "Require it when …", built from simple conditions on the other
 * fields and stored as JSON Logic. Logic the designer cannot show as such is kept and can be
 * cleared, never half-edited.
 */
export function ConditionEditor(props: {
  legend: string;
  logic: unknown;
  /** the fields a condition may read (every value field but the one being edited) */
  fields: readonly FormField[];
  onChange: (logic: unknown) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = () => readConditions(props.logic);
  const fieldById = (fieldId: string) => props.fields.find((field) => field.id === fieldId);
  const commit = (next: SimpleConditionSet) => props.onChange(compileConditions(next));
  /** Other fields of the same type, which a condition may compare this one with. */
  const comparable = (fieldId: string) => {
    const type = fieldById(fieldId)?.type;
    return props.fields.filter((other) => other.id !== fieldId && other.type === type);
  };

  const update = (current: SimpleConditionSet, index: number, patch: Partial<SimpleCondition>) => {
    const conditions = current.conditions.map((condition, at) => {
      if (at !== index) return condition;
      const next: SimpleCondition = { ...condition, ...patch };
      const field = fieldById(next.field);
      const allowed = field ? operatorsFor(field.type) : [];
      if (!allowed.includes(next.operator)) next.operator = allowed[0] ?? 'isFilled';
      if (!OPERATORS_WITH_VALUE.includes(next.operator) || next.operator === 'includes')
        delete next.otherField;
      if (patch.field !== undefined) delete next.otherField;
      if (!OPERATORS_WITH_VALUE.includes(next.operator) || next.otherField !== undefined) delete next.value;
      else if (next.value === undefined || patch.field !== undefined) next.value = firstValue(field);
      return next;
    });
    commit({ ...current, conditions });
  };
  const add = (current: SimpleConditionSet) => {
    const field = props.fields[0];
    if (!field) return;
    const operator = operatorsFor(field.type)[0] ?? 'isFilled';
    const value = OPERATORS_WITH_VALUE.includes(operator) ? firstValue(field) : undefined;
    commit({
      ...current,
      conditions: [
        ...current.conditions,
        { field: field.id, operator, ...(value === undefined ? {} : { value }) },
      ],
    });
  };

  return (
    <fieldset class="fieldset condition-editor">
      <legend class="fieldset__legend">{props.legend}</legend>
      <Show
        when={set()}
        fallback={
          <div class="condition-editor__custom">
            <p class="muted">{t('designer.condition.custom')}</p>
            <code>{JSON.stringify(props.logic)}</code>
            <button type="button" class="button button--quiet" onClick={() => props.onChange(undefined)}>
              {t('designer.condition.clear')}
            </button>
          </div>
        }
      >
        {(current) => (
          <>
            <Show when={current().conditions.length === 0}>
              <p class="muted">{t('designer.condition.none')}</p>
            </Show>
            <Show when={current().conditions.length > 1}>
              <label class="condition-editor__join">
                <span>{t('designer.condition.join')}</span>
                <select
                  class="field__select"
                  value={current().join}
                  onChange={(event) =>
                    commit({ ...current(), join: event.currentTarget.value as SimpleConditionSet['join'] })
                  }
                >
                  <option value="all">{t('designer.condition.all')}</option>
                  <option value="any">{t('designer.condition.any')}</option>
                </select>
              </label>
            </Show>
            <ol class="condition-editor__list">
              <Index each={current().conditions}>
                {(condition, index) => {
                  const field = () => fieldById(condition().field);
                  return (
                    <li class="condition-row">
                      <select
                        class="field__select"
                        aria-label={t('designer.condition.field', { n: index + 1 })}
                        value={condition().field}
                        onChange={(event) => update(current(), index, { field: event.currentTarget.value })}
                      >
                        <For each={props.fields}>
                          {(candidate) => (
                            <option value={candidate.id}>{localized(i18n, candidate.label)}</option>
                          )}
                        </For>
                      </select>
                      <select
                        class="field__select"
                        aria-label={t('designer.condition.operator', { n: index + 1 })}
                        value={condition().operator}
                        onChange={(event) =>
                          update(current(), index, { operator: event.currentTarget.value as SimpleOperator })
                        }
                      >
                        <For each={field() ? operatorsFor((field() as FormField).type) : []}>
                          {(operator) => (
                            <option value={operator}>{t(`designer.operator.${operator}`)}</option>
                          )}
                        </For>
                      </select>
                      <Show
                        when={
                          OPERATORS_WITH_VALUE.includes(condition().operator) &&
                          condition().operator !== 'includes' &&
                          comparable(condition().field).length > 0
                        }
                      >
                        <select
                          class="field__select"
                          aria-label={t('designer.condition.compareWith', { n: index + 1 })}
                          value={condition().otherField ?? ''}
                          onChange={(event) => {
                            const other = event.currentTarget.value;
                            const { otherField: _, value: __, ...rest } = condition();
                            const next = other
                              ? { ...rest, otherField: other }
                              : { ...rest, value: firstValue(field()) };
                            commit({
                              ...current(),
                              conditions: current().conditions.map((old, at) => (at === index ? next : old)),
                            });
                          }}
                        >
                          <option value="">{t('designer.condition.fixedValue')}</option>
                          <For each={comparable(condition().field)}>
                            {(other) => <option value={other.id}>{localized(i18n, other.label)}</option>}
                          </For>
                        </select>
                      </Show>
                      <Show
                        when={
                          OPERATORS_WITH_VALUE.includes(condition().operator) &&
                          condition().otherField === undefined &&
                          field()
                        }
                      >
                        {(target) => (
                          <ConditionValue
                            field={target()}
                            value={condition().value}
                            label={t('designer.condition.value', { n: index + 1 })}
                            onChange={(value) => update(current(), index, { value })}
                          />
                        )}
                      </Show>
                      <button
                        type="button"
                        class="button button--quiet"
                        aria-label={t('designer.condition.remove', { n: index + 1 })}
                        onClick={() =>
                          commit({
                            ...current(),
                            conditions: current().conditions.filter((_, at) => at !== index),
                          })
                        }
                      >
                        ×
                      </button>
                    </li>
                  );
                }}
              </Index>
            </ol>
            <Show
              when={props.fields.length > 0}
              fallback={<p class="muted">{t('designer.condition.noFields')}</p>}
            >
              <button type="button" class="button" onClick={() => add(current())}>
                {t('designer.condition.add')}
              </button>
            </Show>
          </>
        )}
      </Show>
    </fieldset>
  );
}

function firstValue(field: FormField | undefined): string | number {
  if (field && 'options' in field) return field.options[0]?.value ?? '';
  if (field?.type === 'number' || field?.type === 'score') return 0;
  return '';
}

/** The value a condition compares with, in the input the field's type calls for. */
function ConditionValue(props: {
  field: FormField;
  value: string | number | undefined;
  label: string;
  onChange: (value: string | number) => void;
}) {
  const i18n = useI18n();
  const options = () =>
    'options' in props.field
      ? props.field.options.map((option) => ({ value: option.value, label: localized(i18n, option.label) }))
      : null;
  const numeric = () => ['number', 'score', 'likert'].includes(props.field.type);
  const inputType = () =>
    ({ date: 'date', time: 'time', dateTime: 'datetime-local' })[props.field.type as string] ??
    (numeric() ? 'number' : 'text');
  return (
    <Show
      when={options()}
      fallback={
        <input
          class="field__input"
          type={inputType()}
          aria-label={props.label}
          value={props.value ?? ''}
          onChange={(event) => {
            const raw = event.currentTarget.value;
            props.onChange(numeric() ? Number(raw) : raw);
          }}
        />
      }
    >
      {(choices) => (
        <select
          class="field__select"
          aria-label={props.label}
          value={String(props.value ?? '')}
          onChange={(event) => {
            const raw = event.currentTarget.value;
            props.onChange(props.field.type === 'likert' ? Number(raw) : raw);
          }}
        >
          <For each={choices()}>
            {(choice) => <option value={String(choice.value)}>{choice.label}</option>}
          </For>
        </select>
      )}
    </Show>
  );
}
