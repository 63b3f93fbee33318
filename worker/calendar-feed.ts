import type { AppointmentStatus } from '../core/api/appointments.js';

/**
 * RFC 5545 text for a counselor's subscription feed. It names the service and the room and never
 * the client: calendar apps sync to phones and third-party servers outside the zero-knowledge
 * boundary, so an event says only "Individual 50 min, Room 2, 10:00–10:50".
 */

export interface FeedEvent {
  id: string;
  startAt: number;
  endAt: number;
  updatedAt: number;
  status: AppointmentStatus;
  serviceName: string;
  roomName: string | null;
}

const EVENT_STATUS: Record<AppointmentStatus, string> = {
  requested: 'TENTATIVE',
  confirmed: 'CONFIRMED',
  completed: 'CONFIRMED',
  no_show: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** 20260308T150000Z */
export function icsInstant(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + one space, never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function buildCalendar(calendarName: string, events: readonly FeedEvent[], host: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tacit//Schedule 1//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(calendarName)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@${host}`,
      `DTSTAMP:${icsInstant(event.updatedAt)}`,
      `DTSTART:${icsInstant(event.startAt)}`,
      `DTEND:${icsInstant(event.endAt)}`,
      `SUMMARY:${icsText(event.serviceName)}`,
      ...(event.roomName ? [`LOCATION:${icsText(event.roomName)}`] : []),
      `STATUS:${EVENT_STATUS[event.status]}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
