import { For, Index, Show } from 'solid-js';
import { CLAUSE_OPERATORS, type ClauseOperator, type Fact } from '../../../../core/rules/index';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { type ClauseDraft, type ConditionDraft, OPERATIONAL_FACT, OPERATOR_KEYS } from './draft';

/**
 * Conditions as rows (fact, comparison, value), compiled to JSON Logic when saved. The rule
 * editor passes its trigger's facts; the workflow designer the data a process carries.
 */
export function ConditionEditor(props: {
  draft: ConditionDraft;
  facts: readonly Fact[];
  /** Whether a row may name a field of its own (a form's operational field, a process's data). */
  allowsFreeField: boolean;
  disabled: boolean;
  onChange: (changes: Partial<ConditionDraft>) => void;
  /** Labels for the facts and their values; the rule editor's own by default. */
  factLabel?: (path: string) => string;
  valueLabel?: (value: string) => string;
  freeFieldLabel?: string;
  /** What having no rows means here; for a rule, that it runs on every trigger. */
  emptyText?: string;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const facts = () => props.facts;
  const id = (name: string) => `${props.idPrefix ?? ''}${name}`;
  const factLabel = (path: string) => props.factLabel?.(path) ?? t(`rules.fact.${path}` as MessageKey);
  const valueLabel = (value: string) => props.valueLabel?.(value) ?? t(`cases.status.${value}` as MessageKey);
  const factOf = (clause: ClauseDraft) => facts().find((fact) => fact.path === clause.fact);
  const update = (index: number, changes: Partial<ClauseDraft>) =>
    props.onChange({
      clauses: props.draft.clauses.map((clause, at) => (at === index ? { ...clause, ...changes } : clause)),
    });
  const add = () => {
    const first = facts()[0];
    props.onChange({
      clauses: [
        ...props.draft.clauses,
        { fact: first?.path ?? OPERATIONAL_FACT, field: '', op: '==', value: '' },
      ],
    });
  };
  const remove = (index: number) =>
    props.onChange({ clauses: props.draft.clauses.filter((_, at) => at !== index) });

  return (
    <fieldset class="fieldset rule-conditions">
      <legend class="fieldset__legend">{t('rules.editor.conditions')}</legend>
      <Show
        when={props.draft.rawCondition === null}
        fallback={
          <div>
            <p class="muted">{t('rules.editor.rawCondition')}</p>
            <pre class="rule-raw">{JSON.stringify(props.draft.rawCondition, null, 2)}</pre>
            <button
              type="button"
              class="button button--quiet"
              disabled={props.disabled}
              onClick={() => props.onChange({ rawCondition: null, clauses: [] })}
            >
              {t('rules.editor.clearRaw')}
            </button>
          </div>
        }
      >
        <Show when={props.draft.clauses.length > 1}>
          <div class="field">
            <label class="field__label" for={id('rule-match')}>
              {t('rules.editor.match')}
            </label>
            <select
              id={id('rule-match')}
              class="field__select"
              value={props.draft.match}
              disabled={props.disabled}
              onChange={(event) =>
                props.onChange({ match: event.currentTarget.value as ConditionDraft['match'] })
              }
            >
              <option value="all">{t('rules.editor.match.all')}</option>
              <option value="any">{t('rules.editor.match.any')}</option>
            </select>
          </div>
        </Show>
        <Show
          when={props.draft.clauses.length > 0}
          fallback={<p class="muted">{props.emptyText ?? t('rules.editor.noConditions')}</p>}
        >
          <ol class="rule-clauses">
            <Index each={props.draft.clauses}>
              {(clause, index) => (
                <li class="rule-clause">
                  <div class="field">
                    <label class="field__label" for={id(`clause-fact-${index}`)}>
                      {t('rules.editor.fact')} {index + 1}
                    </label>
                    <select
                      id={id(`clause-fact-${index}`)}
                      class="field__select"
                      value={clause().fact}
                      disabled={props.disabled}
                      onChange={(event) => update(index, { fact: event.currentTarget.value, value: '' })}
                    >
                      <For each={facts()}>
                        {(fact) => <option value={fact.path}>{factLabel(fact.path)}</option>}
                      </For>
                      <Show when={props.allowsFreeField}>
                        <option value={OPERATIONAL_FACT}>
                          {props.freeFieldLabel ?? t('rules.fact.operational')}
                        </option>
                      </Show>
                    </select>
                  </div>
                  <Show when={clause().fact === OPERATIONAL_FACT}>
                    <div class="field">
                      <label class="field__label" for={id(`clause-field-${index}`)}>
                        {t('rules.fact.operationalField')} {index + 1}
                      </label>
                      <input
                        id={id(`clause-field-${index}`)}
                        class="field__input"
                        value={clause().field}
                        disabled={props.disabled}
                        spellcheck={false}
                        onInput={(event) => update(index, { field: event.currentTarget.value })}
                      />
                    </div>
                  </Show>
                  <div class="field">
                    <label class="field__label" for={id(`clause-op-${index}`)}>
                      {t('rules.editor.operator')} {index + 1}
                    </label>
                    <select
                      id={id(`clause-op-${index}`)}
                      class="field__select"
                      value={clause().op}
                      disabled={props.disabled}
                      onChange={(event) => update(index, { op: event.currentTarget.value as ClauseOperator })}
                    >
                      <For each={CLAUSE_OPERATORS}>
                        {(op) => <option value={op}>{t(`rules.op.${OPERATOR_KEYS[op]}`)}</option>}
                      </For>
                    </select>
                  </div>
                  <div class="field">
                    <label class="field__label" for={id(`clause-value-${index}`)}>
                      {t('rules.editor.value')} {index + 1}
                    </label>
                    <Show
                      when={factOf(clause())?.values}
                      fallback={
                        <input
                          id={id(`clause-value-${index}`)}
                          class="field__input"
                          inputmode={factOf(clause())?.type === 'number' ? 'numeric' : 'text'}
                          value={clause().value}
                          disabled={props.disabled}
                          onInput={(event) => update(index, { value: event.currentTarget.value })}
                        />
                      }
                      keyed
                    >
                      {(values) => (
                        <select
                          id={id(`clause-value-${index}`)}
                          class="field__select"
                          value={clause().value}
                          disabled={props.disabled}
                          onChange={(event) => update(index, { value: event.currentTarget.value })}
                        >
                          <option value="" />
                          <For each={values}>
                            {(value) => <option value={value}>{valueLabel(value)}</option>}
                          </For>
                        </select>
                      )}
                    </Show>
                  </div>
                  <button
                    type="button"
                    class="button button--quiet rule-clause__remove"
                    disabled={props.disabled}
                    onClick={() => remove(index)}
                  >
                    {t('rules.editor.remove')}
                  </button>
                </li>
              )}
            </Index>
          </ol>
        </Show>
        <button type="button" class="button" disabled={props.disabled} onClick={add}>
          {t('rules.editor.addCondition')}
        </button>
      </Show>
    </fieldset>
  );
}
