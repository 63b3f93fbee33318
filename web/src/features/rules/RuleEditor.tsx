import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { ruleInputSchema } from '../../../../core/api/rules';
import { CASE_FACTS, EVENT_FACTS, EVENT_TYPES, type EventType } from '../../../../core/rules/index';
import { errorMessageKey } from '../../lib/errors';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { createRule, type DryRunResult, dryRunRule, type RuleView, updateRule } from '../../lib/rules';
import { Alert } from '../../ui/Alert';
import { Checkbox } from '../../ui/Checkbox';
import { ActionEditor } from './ActionEditor';
import { ConditionEditor } from './ConditionEditor';
import { allowsOperational, draftFacts, emptyDraft, fromRule, type RuleDraft, toRuleInput } from './draft';

/** Facts with a label of their own; anything else (an operational field) shows its id. */
const KNOWN_FACTS = new Set([...CASE_FACTS, ...Object.values(EVENT_FACTS).flat()].map((fact) => fact.path));
const STATUS_FACTS = new Set(['case.status', 'event.from', 'event.to']);
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'rules.editor.name',
  trigger: 'rules.trigger.kind',
  condition: 'rules.editor.conditions',
  actions: 'rules.editor.actions',
  dedupDays: 'rules.editor.dedup',
};

/** Create or edit one rule: trigger, visual conditions, actions, de-duplication; dry run before saving. */
export function RuleEditor(props: {
  rule: RuleView | null;
  onSaved: (rule: RuleView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [draft, setDraft] = createSignal<RuleDraft>(props.rule ? fromRule(props.rule) : emptyDraft());
  const change = (changes: Partial<RuleDraft>) => setDraft({ ...draft(), ...changes });
  const [busy, setBusy] = createSignal<'saving' | 'trying' | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [dryRun, setDryRun] = createSignal<DryRunResult | null>(null);

  const validInput = () => {
    setProblem(null);
    setFailure(null);
    const parsed = ruleInputSchema.safeParse(toRuleInput(draft()));
    if (parsed.success) return parsed.data;
    const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
    setProblem(t('rules.editor.invalid', { problem: t(FIELD_LABELS[field] ?? 'rules.editor.name') }));
    return null;
  };

  const run = async (kind: 'saving' | 'trying') => {
    const input = validInput();
    if (!input) return;
    setBusy(kind);
    try {
      if (kind === 'trying') setDryRun(await dryRunRule(input));
      else props.onSaved(props.rule ? await updateRule(props.rule.id, input) : await createRule(input));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const changeEvent = (event: EventType) => change({ event, clauses: [], rawCondition: null });

  return (
    <section class="card rule-editor" aria-labelledby={`${id}-heading`}>
      <h2 class="card__title" id={`${id}-heading`}>
        {props.rule ? t('rules.editor.editHeading', { name: props.rule.name }) : t('rules.editor.newHeading')}
      </h2>
      <form
        novalidate
        aria-busy={busy() !== null}
        onSubmit={(event) => {
          event.preventDefault();
          void run('saving');
        }}
      >
        <div class="field">
          <label class="field__label" for={`${id}-name`}>
            {t('rules.editor.name')}
          </label>
          <input
            id={`${id}-name`}
            class="field__input"
            value={draft().name}
            maxLength={120}
            disabled={busy() !== null}
            onInput={(event) => change({ name: event.currentTarget.value })}
          />
          <p class="field__hint">{t('rules.editor.nameHint')}</p>
        </div>

        <div class="field-grid">
          <div class="field">
            <label class="field__label" for={`${id}-kind`}>
              {t('rules.trigger.kind')}
            </label>
            <select
              id={`${id}-kind`}
              class="field__select"
              value={draft().triggerKind}
              disabled={busy() !== null}
              onChange={(event) =>
                change({
                  triggerKind: event.currentTarget.value as RuleDraft['triggerKind'],
                  clauses: [],
                  rawCondition: null,
                })
              }
            >
              <option value="event">{t('rules.trigger.event')}</option>
              <option value="schedule">{t('rules.trigger.schedule')}</option>
            </select>
          </div>
          <Show
            when={draft().triggerKind === 'event'}
            fallback={
              <>
                <div class="field">
                  <label class="field__label" for={`${id}-every`}>
                    {t('rules.trigger.every')}
                  </label>
                  <select
                    id={`${id}-every`}
                    class="field__select"
                    value={draft().every}
                    disabled={busy() !== null}
                    onChange={(event) => change({ every: event.currentTarget.value as RuleDraft['every'] })}
                  >
                    <option value="hourly">{t('rules.trigger.hourly')}</option>
                    <option value="daily">{t('rules.trigger.daily')}</option>
                  </select>
                </div>
                <Show when={draft().every === 'daily'}>
                  <div class="field">
                    <label class="field__label" for={`${id}-hour`}>
                      {t('rules.trigger.hour')}
                    </label>
                    <select
                      id={`${id}-hour`}
                      class="field__select"
                      value={draft().hour}
                      disabled={busy() !== null}
                      onChange={(event) => change({ hour: Number(event.currentTarget.value) })}
                    >
                      <For each={HOURS}>{(hour) => <option value={hour}>{`${hour}:00`}</option>}</For>
                    </select>
                  </div>
                </Show>
              </>
            }
          >
            <div class="field">
              <label class="field__label" for={`${id}-event`}>
                {t('rules.col.trigger')}
              </label>
              <select
                id={`${id}-event`}
                class="field__select"
                value={draft().event}
                disabled={busy() !== null}
                onChange={(event) => changeEvent(event.currentTarget.value as EventType)}
              >
                <For each={EVENT_TYPES}>
                  {(type) => <option value={type}>{t(`rules.event.${type}`)}</option>}
                </For>
              </select>
            </div>
          </Show>
        </div>

        <ConditionEditor
          draft={draft()}
          facts={draftFacts(draft())}
          allowsFreeField={allowsOperational(draft())}
          disabled={busy() !== null}
          onChange={change}
        />
        <ActionEditor
          actions={draft().actions}
          disabled={busy() !== null}
          onChange={(actions) => change({ actions })}
        />

        <div class="field">
          <label class="field__label" for={`${id}-dedup`}>
            {t('rules.editor.dedup')}
          </label>
          <input
            id={`${id}-dedup`}
            class="field__input rule-editor__days"
            type="number"
            min="0"
            max="365"
            value={draft().dedupDays}
            disabled={busy() !== null}
            onInput={(event) => change({ dedupDays: Number.parseInt(event.currentTarget.value, 10) || 0 })}
          />
        </div>
        <Checkbox
          label={t('rules.editor.enabled')}
          checked={draft().enabled}
          disabled={busy() !== null}
          onChange={(enabled) => change({ enabled })}
        />

        <Show when={problem()}>
          <Alert tone="error">{problem()}</Alert>
        </Show>
        <Show when={failure()}>
          <Alert tone="error">{t(errorMessageKey(failure()))}</Alert>
        </Show>
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy() !== null}>
            {busy() === 'saving' ? t('rules.editor.saving') : t('rules.editor.save')}
          </button>
          <button type="button" class="button" disabled={busy() !== null} onClick={() => void run('trying')}>
            {busy() === 'trying' ? t('rules.editor.dryRunning') : t('rules.editor.dryRun')}
          </button>
          <button
            type="button"
            class="button button--quiet"
            disabled={busy() !== null}
            onClick={props.onCancel}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>

      <Show when={dryRun()} keyed>
        {(result) => <DryRunResults result={result} />}
      </Show>
    </section>
  );
}

function DryRunResults(props: { result: DryRunResult }) {
  const { t } = useI18n();
  const label = (path: string) => (KNOWN_FACTS.has(path) ? t(`rules.fact.${path}` as MessageKey) : path);
  const shown = (path: string, value: unknown) =>
    STATUS_FACTS.has(path) && typeof value === 'string'
      ? t(`cases.status.${value}` as MessageKey)
      : String(value);
  const describe = (facts: Record<string, unknown>) =>
    Object.entries(facts)
      .filter(([key]) => key !== 'case.id')
      .map(([key, value]) => `${label(key)}: ${shown(key, value)}`)
      .join(' · ');
  return (
    <div class="rule-dry-run">
      <Alert tone="info">
        {t('rules.dry.result', { count: props.result.matches.length, scanned: props.result.scanned })}
      </Alert>
      <Show when={props.result.matches.length > 0}>
        <div class="table-wrap">
          <table class="table">
            <caption>{t('rules.dry.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rules.dry.col.case')}</th>
                <th scope="col">{t('rules.dry.col.facts')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.result.matches}>
                {(match) => (
                  <tr>
                    <td>
                      <code>{match.caseId ?? match.subject}</code>
                    </td>
                    <td class="muted">{describe(match.facts)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}
