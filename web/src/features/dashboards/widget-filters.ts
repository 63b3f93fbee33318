import {
  CASE_CHANNELS,
  type CatalogEntry,
  CLIENT_CHANNELS,
  type DashboardWidget,
  REPORT_FILTERS,
  type ReportFilter,
  SERVICE_TYPES,
  type WidgetFilters,
} from '../../../../core/api/index';
import { type I18n, isKnownMessage } from '../../lib/i18n';

/** The filters a catalog entry honours; older servers named none: a counselor only. */
export const honoured = (entry: CatalogEntry): readonly ReportFilter[] => entry.filters ?? ['counselorId'];

/** The filters set on a widget. */
export const setFilters = (widget: DashboardWidget): ReportFilter[] =>
  REPORT_FILTERS.filter((filter) => widget.filters?.[filter] !== undefined);

/** The filters every chosen metric honours; a filter the widget already has stays offered. */
export function offeredFilters(widget: DashboardWidget, catalog: readonly CatalogEntry[]): ReportFilter[] {
  const entries = widget.metrics
    .map((metric) => catalog.find((entry) => entry.metric === metric))
    .filter((entry) => entry !== undefined);
  const set = setFilters(widget);
  return REPORT_FILTERS.filter(
    (filter) => set.includes(filter) || entries.every((entry) => honoured(entry).includes(filter)),
  );
}

/** A widget with one filter set, or cleared by an empty value; no filter left: none at all. */
export function withFilter(widget: DashboardWidget, filter: ReportFilter, value: string): DashboardWidget {
  const filters: WidgetFilters = { ...widget.filters };
  if (value === '') delete filters[filter];
  else filters[filter] = value;
  const { filters: _old, ...rest } = widget;
  return Object.keys(filters).length > 0 ? { ...rest, filters } : rest;
}

/** Channels a case or client can come by; a value saved earlier stays choosable. */
export function channelOptions(current: string | undefined): string[] {
  const known = [...new Set<string>([...CLIENT_CHANNELS, ...CASE_CHANNELS])];
  return current && !known.includes(current) ? [...known, current] : known;
}

export function serviceTypeOptions(current: string | undefined): string[] {
  const known: string[] = [...SERVICE_TYPES];
  return current && !known.includes(current) ? [...known, current] : known;
}

export function channelLabel(t: I18n['t'], channel: string): string {
  for (const key of [`cases.clientChannel.${channel}`, `cases.channel.${channel}`])
    if (isKnownMessage(key)) return t(key);
  return channel;
}

export function serviceTypeLabel(t: I18n['t'], serviceType: string): string {
  const key = `cases.service.${serviceType}`;
  return isKnownMessage(key) ? t(key) : serviceType;
}
