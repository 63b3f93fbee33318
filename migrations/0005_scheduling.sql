-- Scheduling (issue 7): rooms, services, counselors' weekly shifts and their exceptions, leave,
-- appointments, calendar feeds and client reminder opt-ins. Everything here is operational
-- (DESIGN §2): clients and cases appear by id only. Times are ms since epoch (UTC); shift and
-- exception minutes are wall-clock minutes in the institution's time zone (org.settings.timeZone).

CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);

-- duration and fee are the defaults copied onto each appointment when it is booked.
CREATE TABLE services (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  service_type TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);

-- weekday 1 = Monday … 7 = Sunday.
CREATE TABLE availability_shifts (
  id TEXT PRIMARY KEY,
  counselor_id TEXT NOT NULL REFERENCES users (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (end_minute > start_minute)
);
CREATE INDEX availability_shifts_by_counselor ON availability_shifts (counselor_id);

-- local_date is YYYY-MM-DD in the institution's time zone.
CREATE TABLE availability_exceptions (
  id TEXT PRIMARY KEY,
  counselor_id TEXT NOT NULL REFERENCES users (id),
  local_date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('blocked', 'extra')),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  created_at INTEGER NOT NULL,
  CHECK (end_minute > start_minute)
);
CREATE INDEX availability_exceptions_by_counselor ON availability_exceptions (counselor_id, local_date);

-- Approved leave blocks bookings; a director decides (later through the workflow engine).
CREATE TABLE leave_requests (
  id TEXT PRIMARY KEY,
  counselor_id TEXT NOT NULL REFERENCES users (id),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('annual', 'sick', 'personal', 'training', 'other')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  requested_at INTEGER NOT NULL,
  decided_by TEXT REFERENCES users (id),
  decided_at INTEGER,
  CHECK (end_at > start_at)
);
CREATE INDEX leave_requests_by_counselor ON leave_requests (counselor_id, status, start_at);

-- service_type and fee_cents are copied at booking so reports stay right when a service changes.
-- A booking is atomic without a lock: the INSERT (or the rescheduling UPDATE) computes start_at
-- as NULL when the counselor or room is taken or the counselor is on approved leave at that
-- moment, so the NOT NULL constraint aborts the whole batch (worker/booking-guard.ts). SQLite
-- runs each statement serializably, hence of two racing requests for one slot exactly one wins.
CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id),
  case_id TEXT REFERENCES cases (id),
  counselor_id TEXT NOT NULL REFERENCES users (id),
  room_id TEXT REFERENCES rooms (id),
  service_id TEXT NOT NULL REFERENCES services (id),
  service_type TEXT NOT NULL,
  fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('requested', 'confirmed', 'completed', 'no_show', 'cancelled')),
  cancel_reason TEXT CHECK (cancel_reason IN
    ('client_request', 'client_late_cancel', 'counselor_unavailable', 'illness', 'rescheduled', 'other')),
  series_id TEXT,
  counselor_reminded_at INTEGER,
  client_reminded_at INTEGER,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (end_at > start_at AND end_at - start_at <= 8 * 3600000),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);
-- Calendars and the conflict guard: one counselor's or room's appointments in a time range.
CREATE INDEX appointments_by_counselor ON appointments (counselor_id, start_at);
CREATE INDEX appointments_by_room ON appointments (room_id, start_at);
CREATE INDEX appointments_by_client ON appointments (client_id, start_at);
CREATE INDEX appointments_by_series ON appointments (series_id) WHERE series_id IS NOT NULL;
-- Reports over a period (hours, revenue, no-show and cancellation rates by counselor, service or
-- status) read only this covering index, never the table: fast at 1,000,000 appointments.
CREATE INDEX appointments_for_reports
  ON appointments (start_at, status, counselor_id, service_type, service_id, fee_cents, end_at);

-- One subscription feed per counselor; the token is shown once and only its SHA-256 is kept.
CREATE TABLE calendar_feeds (
  counselor_id TEXT PRIMARY KEY REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

-- A client who opted into reminders: their address is then server-visible (DESIGN §2 limits).
CREATE TABLE client_reminder_addresses (
  client_id TEXT PRIMARY KEY REFERENCES clients (id),
  email TEXT NOT NULL,
  opted_in_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id)
);
