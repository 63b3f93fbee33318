import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AppointmentStatus, CancelReason } from '../../core/api/appointments.js';
import type { LeaveStatus, ServiceType } from '../../core/api/schedule-setup.js';

/** Mirrors migrations/0005_scheduling.sql (the SQL, with its foreign keys and indexes, is the source of truth). */

const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(true);

export const rooms = sqliteTable('rooms', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  active: flag('active'),
  createdAt: integer('created_at').notNull(),
});
export type RoomRow = typeof rooms.$inferSelect;

export const services = sqliteTable('services', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  serviceType: text('service_type').$type<ServiceType>().notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  feeCents: integer('fee_cents').notNull(),
  active: flag('active'),
  createdAt: integer('created_at').notNull(),
});
export type ServiceRow = typeof services.$inferSelect;

export const availabilityShifts = sqliteTable('availability_shifts', {
  id: text('id').primaryKey(),
  counselorId: text('counselor_id').notNull(),
  weekday: integer('weekday').notNull(),
  startMinute: integer('start_minute').notNull(),
  endMinute: integer('end_minute').notNull(),
});
export type ShiftRow = typeof availabilityShifts.$inferSelect;

export const availabilityExceptions = sqliteTable('availability_exceptions', {
  id: text('id').primaryKey(),
  counselorId: text('counselor_id').notNull(),
  localDate: text('local_date').notNull(),
  kind: text('kind', { enum: ['blocked', 'extra'] }).notNull(),
  startMinute: integer('start_minute').notNull(),
  endMinute: integer('end_minute').notNull(),
  createdAt: integer('created_at').notNull(),
});
export type ExceptionRow = typeof availabilityExceptions.$inferSelect;

export const leaveRequests = sqliteTable('leave_requests', {
  id: text('id').primaryKey(),
  counselorId: text('counselor_id').notNull(),
  startAt: integer('start_at').notNull(),
  endAt: integer('end_at').notNull(),
  reason: text('reason', { enum: ['annual', 'sick', 'personal', 'training', 'other'] }).notNull(),
  status: text('status').$type<LeaveStatus>().notNull(),
  requestedAt: integer('requested_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: integer('decided_at'),
});
export type LeaveRow = typeof leaveRequests.$inferSelect;

export const appointments = sqliteTable('appointments', {
  id: text('id').primaryKey(),
  clientId: text('client_id').notNull(),
  caseId: text('case_id'),
  counselorId: text('counselor_id').notNull(),
  roomId: text('room_id'),
  serviceId: text('service_id').notNull(),
  serviceType: text('service_type').$type<ServiceType>().notNull(),
  feeCents: integer('fee_cents').notNull(),
  startAt: integer('start_at').notNull(),
  endAt: integer('end_at').notNull(),
  status: text('status').$type<AppointmentStatus>().notNull(),
  cancelReason: text('cancel_reason').$type<CancelReason>(),
  seriesId: text('series_id'),
  counselorRemindedAt: integer('counselor_reminded_at'),
  clientRemindedAt: integer('client_reminded_at'),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
export type AppointmentRow = typeof appointments.$inferSelect;

export const calendarFeeds = sqliteTable('calendar_feeds', {
  counselorId: text('counselor_id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const clientReminderAddresses = sqliteTable('client_reminder_addresses', {
  clientId: text('client_id').primaryKey(),
  email: text('email').notNull(),
  optedInAt: integer('opted_in_at').notNull(),
  recordedBy: text('recorded_by').notNull(),
});
