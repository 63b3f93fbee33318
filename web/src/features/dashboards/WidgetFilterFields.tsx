import { Show } from 'solid-js';
import type { DashboardWidget, ReportFilter } from '../../../../core/api/index';
import { useI18n } from '../../lib/i18n';
import { SelectField } from '../../ui/SelectField';
import type { WidgetContext } from './WidgetView';
import {
  channelLabel,
  channelOptions,
  offeredFilters,
  serviceTypeLabel,
  serviceTypeOptions,
  withFilter,
} from './widget-filters';

/**
 * A widget's filters in the builder: a counselor, a channel, a service type — each offered when
 * every chosen metric honours it; "all" clears it.
 */
export function WidgetFilterFields(props: {
  widget: DashboardWidget;
  context: WidgetContext;
  onChange: (widget: DashboardWidget) => void;
}) {
  const { t } = useI18n();
  const offered = (filter: ReportFilter) =>
    offeredFilters(props.widget, props.context.catalog).includes(filter);
  const set = (filter: ReportFilter) => (value: string) =>
    props.onChange(withFilter(props.widget, filter, value));
  const counselors = () => {
    const ids = [...props.context.people.values()]
      .filter((person) => person.roles?.includes('counselor') ?? true)
      .map((person) => person.id);
    const current = props.widget.filters?.counselorId;
    return current && !ids.includes(current) ? [...ids, current] : ids;
  };
  return (
    <fieldset class="widget-editor__filters">
      <legend>{t('dashboards.builder.filters')}</legend>
      <Show when={offered('counselorId')}>
        <SelectField
          label={t('dashboards.filter.counselorId')}
          placeholder={t('dashboards.filter.all')}
          value={props.widget.filters?.counselorId ?? ''}
          options={counselors()}
          optionLabel={(id) => props.context.people.get(id)?.displayName ?? id}
          onChange={set('counselorId')}
          disabled={false}
        />
      </Show>
      <Show when={offered('channel')}>
        <SelectField
          label={t('dashboards.filter.channel')}
          placeholder={t('dashboards.filter.all')}
          value={props.widget.filters?.channel ?? ''}
          options={channelOptions(props.widget.filters?.channel)}
          optionLabel={(channel) => channelLabel(t, channel)}
          onChange={set('channel')}
          disabled={false}
        />
      </Show>
      <Show when={offered('serviceType')}>
        <SelectField
          label={t('dashboards.filter.serviceType')}
          placeholder={t('dashboards.filter.all')}
          value={props.widget.filters?.serviceType ?? ''}
          options={serviceTypeOptions(props.widget.filters?.serviceType)}
          optionLabel={(serviceType) => serviceTypeLabel(t, serviceType)}
          onChange={set('serviceType')}
          disabled={false}
        />
      </Show>
    </fieldset>
  );
}
