import { createSignal, createUniqueId, For } from 'solid-js';
import { AUDIT_EVENT_TYPES, type AuditFilter } from '../../../../core/api/index';
import type { Person } from '../../lib/cases';
import { useI18n } from '../../lib/i18n';

const DAY_MS = 86_400_000;

/** A yyyy-mm-dd date input as local midnight, in ms; empty stays undefined. */
function localDay(value: string): number | undefined {
  if (!value) return undefined;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1).getTime();
}

/** Person, subject, event type and period; the period's end day is included. */
export function AuditFilters(props: {
  people: ReadonlyMap<string, Person>;
  onApply: (filter: AuditFilter) => void;
}) {
  const { t } = useI18n();
  const [actor, setActor] = createSignal('');
  const [subject, setSubject] = createSignal('');
  const [type, setType] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const actorId = createUniqueId();
  const subjectId = createUniqueId();
  const typeId = createUniqueId();
  const fromId = createUniqueId();
  const toId = createUniqueId();

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const end = localDay(to());
    const filter: AuditFilter = {};
    if (actor()) filter.actor = actor();
    if (subject().trim()) filter.subject = subject().trim().toLowerCase();
    if (type()) filter.type = type();
    const start = localDay(from());
    if (start !== undefined) filter.from = start;
    if (end !== undefined) filter.to = end + DAY_MS;
    props.onApply(filter);
  };

  const clear = () => {
    for (const set of [setActor, setSubject, setType, setFrom, setTo]) set('');
    props.onApply({});
  };

  return (
    <form class="audit-filters" onSubmit={apply} aria-label={t('audit.filter.heading')}>
      <div class="field">
        <label class="field__label" for={actorId}>
          {t('audit.filter.actor')}
        </label>
        <select
          id={actorId}
          class="field__select"
          value={actor()}
          onChange={(event) => setActor(event.currentTarget.value)}
        >
          <option value="">{t('audit.filter.anyone')}</option>
          <For each={[...props.people.values()]}>
            {(person) => <option value={person.id}>{person.displayName}</option>}
          </For>
        </select>
      </div>
      <div class="field">
        <label class="field__label" for={subjectId}>
          {t('audit.filter.subject')}
        </label>
        <input
          id={subjectId}
          class="field__input"
          value={subject()}
          maxLength={100}
          onInput={(event) => setSubject(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field__label" for={typeId}>
          {t('audit.filter.type')}
        </label>
        <select
          id={typeId}
          class="field__select"
          value={type()}
          onChange={(event) => setType(event.currentTarget.value)}
        >
          <option value="">{t('audit.filter.anyType')}</option>
          <For each={[...AUDIT_EVENT_TYPES].sort()}>{(name) => <option value={name}>{name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label class="field__label" for={fromId}>
          {t('audit.filter.from')}
        </label>
        <input
          id={fromId}
          class="field__input"
          type="date"
          value={from()}
          onInput={(event) => setFrom(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field__label" for={toId}>
          {t('audit.filter.to')}
        </label>
        <input
          id={toId}
          class="field__input"
          type="date"
          value={to()}
          onInput={(event) => setTo(event.currentTarget.value)}
        />
      </div>
      <div class="button-row audit-filters__actions">
        <button type="submit" class="button button--primary">
          {t('audit.filter.apply')}
        </button>
        <button type="button" class="button" onClick={clear}>
          {t('audit.filter.clear')}
        </button>
      </div>
    </form>
  );
}
