import { For, Show } from 'solid-js';
import type { formDefinitionSchema } from '../../../../../core/forms/index';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { Alert } from '../../../ui/Alert';
import { localized } from '../localized';
import type { DesignedForm } from './model';

type Parsed = ReturnType<typeof formDefinitionSchema.safeParse>;

const KNOWN = ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value', 'custom'];

/** Why the form on screen cannot be saved yet: the first problems, each at the field it is about. */
export function DesignProblems(props: { form: DesignedForm; parsed: Parsed }) {
  const i18n = useI18n();
  const { t } = i18n;
  const problems = () => {
    const result = props.parsed;
    if (result.success) return [];
    return result.error.issues.slice(0, 8).map((issue) => {
      const [where, index] = issue.path;
      const field = where === 'fields' && typeof index === 'number' ? props.form.fields[index] : undefined;
      const place = field
        ? localized(i18n, field.label) || field.id
        : t(`designer.problem.${where === 'title' || where === 'id' ? where : 'form'}`);
      const kind = KNOWN.includes(issue.code) ? issue.code : 'other';
      return { place, problem: t(`designer.issue.${kind}` as MessageKey), detail: issue.message };
    });
  };
  return (
    <Show when={problems().length > 0}>
      <Alert tone="warning">
        <p>{t('designer.problems')}</p>
        <ul class="designer-problems">
          <For each={problems()}>
            {(problem) => (
              <li>
                <strong>{problem.place}</strong>：{problem.problem}{' '}
                <code class="muted">{problem.detail}</code>
              </li>
            )}
          </For>
        </ul>
      </Alert>
    </Show>
  );
}
