import { Index, Show } from 'solid-js';
import { compileConditions } from '../../../../../core/forms/index';
import { useI18n } from '../../../lib/i18n';
import { ConditionEditor } from './ConditionEditor';
import { LocalizedInputs } from './inputs';
import type { DesignedForm } from './model';

type Rule = DesignedForm['rules'][number];

const TEXT = {
  rules: {
    heading: 'designer.rules',
    hint: 'designer.rulesHint',
    item: 'designer.rule',
    message: 'designer.ruleMessage',
    remove: 'designer.removeRule',
    add: 'designer.addRule',
  },
  riskFlags: {
    heading: 'designer.riskFlags',
    hint: 'designer.riskFlagsHint',
    item: 'designer.riskFlag',
    message: 'designer.riskFlagMessage',
    remove: 'designer.removeRiskFlag',
    add: 'designer.addRiskFlag',
  },
} as const;

/**
 * Conditions over the whole form, each with its own message in both languages: rules across
 * fields ("the next session comes after this one", a record is saved only when every rule holds)
 * and risk flags (raised to the counselor when the condition holds, e.g. an item answered "yes").
 */
export function FormRules(props: {
  form: DesignedForm;
  kind: 'rules' | 'riskFlags';
  onChange: (rules: Rule[]) => void;
}) {
  const { t } = useI18n();
  const text = () => TEXT[props.kind];
  const list = () => props.form[props.kind];
  const fields = () => props.form.fields.filter((field) => field.type !== 'section');
  const change = (index: number, patch: Partial<Rule>) =>
    props.onChange(list().map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  const add = () => {
    const first = fields()[0];
    if (!first) return;
    const logic = compileConditions({ join: 'all', conditions: [{ field: first.id, operator: 'isFilled' }] });
    props.onChange([
      ...list(),
      { logic, message: { 'zh-CN': '请检查填写的内容', en: 'Check your answers' } },
    ]);
  };

  return (
    <section class="card designer-rules" aria-labelledby={`form-${props.kind}-heading`}>
      <h2 class="card__title" id={`form-${props.kind}-heading`}>
        {t(text().heading)}
      </h2>
      <p class="field__hint">{t(text().hint)}</p>
      <ol class="designer-rules__list">
        <Index each={list()}>
          {(rule, index) => (
            <li class="designer-rules__rule">
              <ConditionEditor
                legend={t(text().item, { n: index + 1 })}
                logic={rule().logic}
                fields={fields()}
                onChange={(logic) =>
                  logic === undefined
                    ? props.onChange(list().filter((_, at) => at !== index))
                    : change(index, { logic })
                }
              />
              <LocalizedInputs
                label={t(text().message, { n: index + 1 })}
                value={rule().message}
                onChange={(message) => message && change(index, { message })}
              />
              <button
                type="button"
                class="button button--quiet"
                onClick={() => props.onChange(list().filter((_, at) => at !== index))}
              >
                {t(text().remove, { n: index + 1 })}
              </button>
            </li>
          )}
        </Index>
      </ol>
      <Show when={fields().length > 0} fallback={<p class="muted">{t('designer.condition.noFields')}</p>}>
        <button type="button" class="button" onClick={add}>
          {t(text().add)}
        </button>
      </Show>
    </section>
  );
}
