import {
  type AppointmentStatus,
  appointmentViewSchema,
  type CalendarQuery,
  type CancelReason,
  type CreateAppointmentRequest,
  calendarFeedViewSchema,
  calendarViewSchema,
  type RescheduleRequest,
  type SeriesCancelRequest,
  type SeriesMoveRequest,
} from '../../../../core/api/appointments';
import {
  type CreateExceptionRequest,
  type CreateLeaveRequest,
  type CreateRoomRequest,
  type CreateServiceRequest,
  counselorViewSchema,
  exceptionViewSchema,
  type LeaveDecision,
  leaveViewSchema,
  roomViewSchema,
  serviceViewSchema,
  shiftSchema,
  timeZoneSettingSchema,
  type UpdateRoomRequest,
  type UpdateServiceRequest,
  type WeeklyShifts,
} from '../../../../core/api/schedule-setup';
import { z } from '../../../../core/api/zod';
import { createApiClient } from '../../lib/api-client';

/** The schedule's HTTP calls (issue 7): operational data only, nothing here is encrypted. */

const api = createApiClient();
const BASE = '/api/schedule';

const appointmentListSchema = z.object({ appointments: z.array(appointmentViewSchema) });
const empty = z.unknown();

export const fetchTimeZone = () => api.get(`${BASE}/time-zone`, timeZoneSettingSchema);
export const saveTimeZone = (timeZone: string) =>
  api.send('PUT', `${BASE}/time-zone`, { timeZone }, timeZoneSettingSchema);

export const fetchRooms = () => api.get(`${BASE}/rooms`, z.object({ rooms: z.array(roomViewSchema) }));
export const createRoom = (room: CreateRoomRequest) =>
  api.send('POST', `${BASE}/rooms`, room, roomViewSchema);
export const updateRoom = (id: string, change: UpdateRoomRequest) =>
  api.send('PATCH', `${BASE}/rooms/${id}`, change, roomViewSchema);

export const fetchServices = () =>
  api.get(`${BASE}/services`, z.object({ services: z.array(serviceViewSchema) }));
export const createService = (service: CreateServiceRequest) =>
  api.send('POST', `${BASE}/services`, service, serviceViewSchema);
export const updateService = (id: string, change: UpdateServiceRequest) =>
  api.send('PATCH', `${BASE}/services/${id}`, change, serviceViewSchema);

export const fetchCounselors = () =>
  api.get(`${BASE}/counselors`, z.object({ counselors: z.array(counselorViewSchema) }));
export const fetchShifts = (counselorId: string) =>
  api.get(`${BASE}/counselors/${counselorId}/shifts`, z.object({ shifts: z.array(shiftSchema) }));
export const saveShifts = (counselorId: string, week: WeeklyShifts) =>
  api.send(
    'PUT',
    `${BASE}/counselors/${counselorId}/shifts`,
    week,
    z.object({ shifts: z.array(shiftSchema) }),
  );

export const fetchExceptions = (counselorId: string) =>
  api.get(
    `${BASE}/counselors/${counselorId}/exceptions`,
    z.object({ exceptions: z.array(exceptionViewSchema) }),
  );
export const addException = (counselorId: string, exception: CreateExceptionRequest) =>
  api.send('POST', `${BASE}/counselors/${counselorId}/exceptions`, exception, exceptionViewSchema);
export const removeException = (id: string) => api.send('DELETE', `${BASE}/exceptions/${id}`, {}, empty);

export function fetchCalendar(query: CalendarQuery) {
  const params = new URLSearchParams({ from: String(query.from), to: String(query.to) });
  if (query.counselorId) params.set('counselorId', query.counselorId);
  if (query.roomId) params.set('roomId', query.roomId);
  return api.get(`${BASE}/appointments?${params}`, calendarViewSchema);
}
export const bookAppointment = (request: CreateAppointmentRequest) =>
  api.send('POST', `${BASE}/appointments`, request, appointmentListSchema);
export const rescheduleAppointment = (id: string, change: RescheduleRequest) =>
  api.send('PATCH', `${BASE}/appointments/${id}`, change, appointmentViewSchema);
export const changeAppointmentStatus = (id: string, status: AppointmentStatus, cancelReason?: CancelReason) =>
  api.send(
    'POST',
    `${BASE}/appointments/${id}/status`,
    cancelReason ? { status, cancelReason } : { status },
    appointmentViewSchema,
  );

export const fetchReminders = () => api.get(`${BASE}/reminders`, appointmentListSchema);

const reminderOptInViewSchema = z.object({ optedIn: z.boolean(), email: z.string().nullable() });
export const fetchReminderOptIn = (clientId: string) =>
  api.get(`${BASE}/reminders/clients/${clientId}`, reminderOptInViewSchema);
export const optIntoReminders = (clientId: string, email: string) =>
  api.send('PUT', `${BASE}/reminders/clients/${clientId}`, { email }, reminderOptInViewSchema);
export const optOutOfReminders = (clientId: string) =>
  api.send('DELETE', `${BASE}/reminders/clients/${clientId}`, {}, empty);

export const fetchLeaveConflicts = () => api.get(`${BASE}/leave/conflicts`, appointmentListSchema);
export const moveSeries = (id: string, change: SeriesMoveRequest) =>
  api.send('POST', `${BASE}/appointments/${id}/series/move`, change, appointmentListSchema);
export const cancelSeries = (id: string, request: SeriesCancelRequest) =>
  api.send('POST', `${BASE}/appointments/${id}/series/cancel`, request, appointmentListSchema);

const leaveListSchema = z.object({ leave: z.array(leaveViewSchema) });
export const fetchLeave = () => api.get(`${BASE}/leave`, leaveListSchema);
export const requestLeave = (leave: CreateLeaveRequest) =>
  api.send('POST', `${BASE}/leave`, leave, leaveViewSchema);
export const decideLeave = (id: string, decision: LeaveDecision) =>
  api.send('POST', `${BASE}/leave/${id}/decision`, { decision }, leaveViewSchema);
export const withdrawLeave = (id: string) =>
  api.send('POST', `${BASE}/leave/${id}/cancel`, {}, leaveViewSchema);

export const fetchFeed = () =>
  api.get(`${BASE}/feed`, z.object({ active: z.boolean(), createdAt: z.int().nullable() }));
export const issueFeed = () => api.send('POST', `${BASE}/feed`, {}, calendarFeedViewSchema);
export const revokeFeed = () => api.send('DELETE', `${BASE}/feed`, {}, empty);
