import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Browser } from './support/client.js';
import { booking, DAY, fetchText, HOUR, openClinic } from './support/schedule.js';

/** Tomorrow at 10:00 UTC, on the five-minute grid: inside the feed's window whatever the date. */
const tomorrow10 = () => Math.floor(Date.now() / DAY) * DAY + DAY + 10 * HOUR;

describe('ICS subscription feed', () => {
  it('serves the counselor’s appointments as RFC 5545 with the service and room, never the client', async () => {
    const clinic = await openClinic();
    const made = await clinic.desk.browser.post('/api/schedule/appointments', booking(clinic, tomorrow10()));
    const appointment = made.body.appointments[0];
    await clinic.desk.browser.post(
      '/api/schedule/appointments',
      booking(clinic, tomorrow10(), { counselorId: clinic.other.account.id, roomId: clinic.otherRoomId }),
    );
    const issued = await clinic.counselor.browser.post('/api/schedule/feed');
    expect(issued.status).toBe(201);
    expect(issued.body.path).toBe(`/api/calendar/${issued.body.token}.ics`);

    const feed = await fetchText(issued.body.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const lines = feed.text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(feed.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    const start = new Date(appointment.startAt).toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(lines).toContain(`DTSTART:${start}`);
    expect(lines).toContain(`UID:${appointment.id}@localhost`);
    expect(lines).toContain('SUMMARY:Individual 50');
    expect(lines).toContain('LOCATION:Room 1');
    expect(lines).toContain('STATUS:CONFIRMED');
    for (const identifying of [clinic.clientId, clinic.otherClientId, 'Client', clinic.other.account.id]) {
      expect(feed.text).not.toContain(identifying);
    }

    await clinic.desk.browser.post(`/api/schedule/appointments/${appointment.id}/status`, {
      status: 'cancelled',
      cancelReason: 'illness',
    });
    expect((await fetchText(issued.body.path)).text).toContain('STATUS:CANCELLED');
  });

  it('keeps only the token’s hash; a replaced or revoked link stops working', async () => {
    const clinic = await openClinic();
    const first = await clinic.counselor.browser.post('/api/schedule/feed');
    const stored = await env.DB.prepare('SELECT token_hash FROM calendar_feeds').first<{
      token_hash: string;
    }>();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(first.body.token);
    const second = await clinic.counselor.browser.post('/api/schedule/feed');
    expect((await fetchText(first.body.path)).status).toBe(404);
    expect((await fetchText(second.body.path)).status).toBe(200);
    expect((await clinic.counselor.browser.get('/api/schedule/feed')).body.active).toBe(true);
    expect((await clinic.counselor.browser.delete('/api/schedule/feed')).status).toBe(204);
    expect((await fetchText(second.body.path)).status).toBe(404);
  });

  it('answers a malformed or unknown token with 4xx, and issues feeds only to counselors', async () => {
    const clinic = await openClinic();
    expect((await fetchText('/api/calendar/short.ics')).status).toBe(400);
    expect((await fetchText(`/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await clinic.desk.browser.post('/api/schedule/feed')).status).toBe(403);
    expect((await new Browser().post('/api/schedule/feed')).status).toBe(401);
  });
});
