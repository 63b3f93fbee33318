-- Report rollups (issue 9: every dashboard at 1,000,000 appointments in ≤ 300 ms). Figures over
-- appointments and payments are summed per local day of the institution's zone, and each case's
-- course (sessions, fees, first and last visit) is kept per case, so a year's breakdown reads
-- tens of thousands of rollup rows instead of hundreds of thousands of index entries.
--
-- Triggers keep them: every write to appointments or payments — by any route, a batch, a fixture
-- or a restore — changes its rollup in the same statement, so they cannot drift from the rows
-- they sum and cost no D1 round trip. worker/reports/rollups.ts holds the same recomputation for
-- a change of time zone and for the test that compares rollups with the base tables.

-- The institution's UTC offset from each instant on (one row for a zone without daylight saving):
-- a trigger places an instant on its local day as (instant + offset) / 86400000. It holds the zone
-- the org's settings name as reportZone (Asia/Shanghai, the default, until the zone changes);
-- changing the zone rewrites it and every rollup in the same batch.
CREATE TABLE report_zone_offsets (
  from_at INTEGER PRIMARY KEY,
  offset_ms INTEGER NOT NULL
);
INSERT INTO report_zone_offsets (from_at, offset_ms) VALUES (-9007199254740991, 28800000);
UPDATE org SET settings = json_set(settings, '$.reportZone', 'Asia/Shanghai');

-- Per local day, counselor and service type: how many appointments, and how many of them were
-- completed, no-shows and cancelled; the minutes that held the counselor's hour (booked:
-- confirmed, completed or no-show) and that were completed, in ms; the fees of completed ones.
CREATE TABLE appointment_rollups (
  local_day INTEGER NOT NULL,
  counselor_id TEXT NOT NULL,
  service_type TEXT NOT NULL,
  appointments INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  no_shows INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  booked_ms INTEGER NOT NULL,
  completed_ms INTEGER NOT NULL,
  completed_fee_cents INTEGER NOT NULL,
  PRIMARY KEY (local_day, counselor_id, service_type)
) WITHOUT ROWID;
CREATE INDEX appointment_rollups_by_counselor ON appointment_rollups (counselor_id, local_day);

-- A payment without a counselor or service is kept under '' (a key column cannot be null).
CREATE TABLE payment_rollups (
  local_day INTEGER NOT NULL,
  counselor_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  payments INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,
  PRIMARY KEY (local_day, counselor_id, service_id)
) WITHOUT ROWID;
CREATE INDEX payment_rollups_by_counselor ON payment_rollups (counselor_id, local_day);

-- A case's course as its appointments stand: one row per case with at least one appointment.
CREATE TABLE case_facts (
  case_id TEXT PRIMARY KEY,
  completed_sessions INTEGER NOT NULL,
  completed_fee_cents INTEGER NOT NULL,
  first_completed_at INTEGER,
  last_completed_at INTEGER,
  last_visit_at INTEGER
) WITHOUT ROWID;

CREATE TRIGGER appointment_rollups_insert AFTER INSERT ON appointments BEGIN
  INSERT INTO appointment_rollups (local_day, counselor_id, service_type, appointments, completed,
    no_shows, cancelled, booked_ms, completed_ms, completed_fee_cents)
  VALUES (
    (NEW.start_at + (SELECT offset_ms FROM report_zone_offsets WHERE from_at <= NEW.start_at
      ORDER BY from_at DESC LIMIT 1)) / 86400000,
    NEW.counselor_id, NEW.service_type, 1, NEW.status = 'completed', NEW.status = 'no_show',
    NEW.status = 'cancelled',
    CASE WHEN NEW.status IN ('confirmed', 'completed', 'no_show') THEN NEW.end_at - NEW.start_at ELSE 0 END,
    CASE WHEN NEW.status = 'completed' THEN NEW.end_at - NEW.start_at ELSE 0 END,
    CASE WHEN NEW.status = 'completed' THEN NEW.fee_cents ELSE 0 END)
  ON CONFLICT DO UPDATE SET appointments = appointments + 1, completed = completed + excluded.completed,
    no_shows = no_shows + excluded.no_shows, cancelled = cancelled + excluded.cancelled,
    booked_ms = booked_ms + excluded.booked_ms, completed_ms = completed_ms + excluded.completed_ms,
    completed_fee_cents = completed_fee_cents + excluded.completed_fee_cents;
END;

CREATE TRIGGER appointment_rollups_delete AFTER DELETE ON appointments BEGIN
  UPDATE appointment_rollups SET appointments = appointments - 1,
    completed = completed - (OLD.status = 'completed'), no_shows = no_shows - (OLD.status = 'no_show'),
    cancelled = cancelled - (OLD.status = 'cancelled'),
    booked_ms = booked_ms - CASE WHEN OLD.status IN ('confirmed', 'completed', 'no_show')
      THEN OLD.end_at - OLD.start_at ELSE 0 END,
    completed_ms = completed_ms - CASE WHEN OLD.status = 'completed' THEN OLD.end_at - OLD.start_at ELSE 0 END,
    completed_fee_cents = completed_fee_cents - CASE WHEN OLD.status = 'completed' THEN OLD.fee_cents ELSE 0 END
  WHERE local_day = (OLD.start_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.start_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = OLD.counselor_id AND service_type = OLD.service_type;
  DELETE FROM appointment_rollups WHERE appointments = 0
    AND local_day = (OLD.start_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.start_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = OLD.counselor_id AND service_type = OLD.service_type;
END;

CREATE TRIGGER appointment_rollups_update AFTER UPDATE OF
  start_at, end_at, status, counselor_id, service_type, fee_cents ON appointments
WHEN OLD.start_at IS NOT NEW.start_at OR OLD.end_at IS NOT NEW.end_at OR OLD.status IS NOT NEW.status
  OR OLD.counselor_id IS NOT NEW.counselor_id OR OLD.service_type IS NOT NEW.service_type
  OR OLD.fee_cents IS NOT NEW.fee_cents
BEGIN
  UPDATE appointment_rollups SET appointments = appointments - 1,
    completed = completed - (OLD.status = 'completed'), no_shows = no_shows - (OLD.status = 'no_show'),
    cancelled = cancelled - (OLD.status = 'cancelled'),
    booked_ms = booked_ms - CASE WHEN OLD.status IN ('confirmed', 'completed', 'no_show')
      THEN OLD.end_at - OLD.start_at ELSE 0 END,
    completed_ms = completed_ms - CASE WHEN OLD.status = 'completed' THEN OLD.end_at - OLD.start_at ELSE 0 END,
    completed_fee_cents = completed_fee_cents - CASE WHEN OLD.status = 'completed' THEN OLD.fee_cents ELSE 0 END
  WHERE local_day = (OLD.start_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.start_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = OLD.counselor_id AND service_type = OLD.service_type;
  DELETE FROM appointment_rollups WHERE appointments = 0
    AND local_day = (OLD.start_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.start_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = OLD.counselor_id AND service_type = OLD.service_type;
  INSERT INTO appointment_rollups (local_day, counselor_id, service_type, appointments, completed,
    no_shows, cancelled, booked_ms, completed_ms, completed_fee_cents)
  VALUES (
    (NEW.start_at + (SELECT offset_ms FROM report_zone_offsets WHERE from_at <= NEW.start_at
      ORDER BY from_at DESC LIMIT 1)) / 86400000,
    NEW.counselor_id, NEW.service_type, 1, NEW.status = 'completed', NEW.status = 'no_show',
    NEW.status = 'cancelled',
    CASE WHEN NEW.status IN ('confirmed', 'completed', 'no_show') THEN NEW.end_at - NEW.start_at ELSE 0 END,
    CASE WHEN NEW.status = 'completed' THEN NEW.end_at - NEW.start_at ELSE 0 END,
    CASE WHEN NEW.status = 'completed' THEN NEW.fee_cents ELSE 0 END)
  ON CONFLICT DO UPDATE SET appointments = appointments + 1, completed = completed + excluded.completed,
    no_shows = no_shows + excluded.no_shows, cancelled = cancelled + excluded.cancelled,
    booked_ms = booked_ms + excluded.booked_ms, completed_ms = completed_ms + excluded.completed_ms,
    completed_fee_cents = completed_fee_cents + excluded.completed_fee_cents;
END;

CREATE TRIGGER payment_rollups_insert AFTER INSERT ON payments BEGIN
  INSERT INTO payment_rollups (local_day, counselor_id, service_id, payments, net_cents)
  VALUES (
    (NEW.paid_at + (SELECT offset_ms FROM report_zone_offsets WHERE from_at <= NEW.paid_at
      ORDER BY from_at DESC LIMIT 1)) / 86400000,
    COALESCE(NEW.counselor_id, ''), COALESCE(NEW.service_id, ''), 1, NEW.amount - NEW.refunded_amount)
  ON CONFLICT DO UPDATE SET payments = payments + 1, net_cents = net_cents + excluded.net_cents;
END;

CREATE TRIGGER payment_rollups_delete AFTER DELETE ON payments BEGIN
  UPDATE payment_rollups SET payments = payments - 1,
    net_cents = net_cents - (OLD.amount - OLD.refunded_amount)
  WHERE local_day = (OLD.paid_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.paid_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = COALESCE(OLD.counselor_id, '') AND service_id = COALESCE(OLD.service_id, '');
  DELETE FROM payment_rollups WHERE payments = 0
    AND local_day = (OLD.paid_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.paid_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = COALESCE(OLD.counselor_id, '') AND service_id = COALESCE(OLD.service_id, '');
END;

CREATE TRIGGER payment_rollups_update AFTER UPDATE OF
  paid_at, amount, refunded_amount, counselor_id, service_id ON payments
WHEN OLD.paid_at IS NOT NEW.paid_at OR OLD.amount IS NOT NEW.amount
  OR OLD.refunded_amount IS NOT NEW.refunded_amount OR OLD.counselor_id IS NOT NEW.counselor_id
  OR OLD.service_id IS NOT NEW.service_id
BEGIN
  UPDATE payment_rollups SET payments = payments - 1,
    net_cents = net_cents - (OLD.amount - OLD.refunded_amount)
  WHERE local_day = (OLD.paid_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.paid_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = COALESCE(OLD.counselor_id, '') AND service_id = COALESCE(OLD.service_id, '');
  DELETE FROM payment_rollups WHERE payments = 0
    AND local_day = (OLD.paid_at + (SELECT offset_ms FROM report_zone_offsets
      WHERE from_at <= OLD.paid_at ORDER BY from_at DESC LIMIT 1)) / 86400000
    AND counselor_id = COALESCE(OLD.counselor_id, '') AND service_id = COALESCE(OLD.service_id, '');
  INSERT INTO payment_rollups (local_day, counselor_id, service_id, payments, net_cents)
  VALUES (
    (NEW.paid_at + (SELECT offset_ms FROM report_zone_offsets WHERE from_at <= NEW.paid_at
      ORDER BY from_at DESC LIMIT 1)) / 86400000,
    COALESCE(NEW.counselor_id, ''), COALESCE(NEW.service_id, ''), 1, NEW.amount - NEW.refunded_amount)
  ON CONFLICT DO UPDATE SET payments = payments + 1, net_cents = net_cents + excluded.net_cents;
END;

-- A case's facts are recomputed from its own appointments (appointments_for_case_reports): a few
-- index entries per write, and a minimum or maximum stays right when a session is cancelled.
CREATE TRIGGER case_facts_insert AFTER INSERT ON appointments WHEN NEW.case_id IS NOT NULL BEGIN
  DELETE FROM case_facts WHERE case_id = NEW.case_id;
  INSERT INTO case_facts SELECT case_id, TOTAL(status = 'completed'),
    TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END),
    MIN(CASE WHEN status = 'completed' THEN start_at END),
    MAX(CASE WHEN status = 'completed' THEN start_at END),
    MAX(CASE WHEN status IN ('requested', 'confirmed', 'completed') THEN start_at END)
  FROM appointments WHERE case_id = NEW.case_id GROUP BY case_id;
END;

CREATE TRIGGER case_facts_delete AFTER DELETE ON appointments WHEN OLD.case_id IS NOT NULL BEGIN
  DELETE FROM case_facts WHERE case_id = OLD.case_id;
  INSERT INTO case_facts SELECT case_id, TOTAL(status = 'completed'),
    TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END),
    MIN(CASE WHEN status = 'completed' THEN start_at END),
    MAX(CASE WHEN status = 'completed' THEN start_at END),
    MAX(CASE WHEN status IN ('requested', 'confirmed', 'completed') THEN start_at END)
  FROM appointments WHERE case_id = OLD.case_id GROUP BY case_id;
END;

CREATE TRIGGER case_facts_update AFTER UPDATE OF case_id, status, start_at, fee_cents ON appointments
WHEN (OLD.case_id IS NOT NULL OR NEW.case_id IS NOT NULL) AND (OLD.case_id IS NOT NEW.case_id
  OR OLD.status IS NOT NEW.status OR OLD.start_at IS NOT NEW.start_at OR OLD.fee_cents IS NOT NEW.fee_cents)
BEGIN
  DELETE FROM case_facts WHERE case_id IN (OLD.case_id, NEW.case_id);
  INSERT INTO case_facts SELECT case_id, TOTAL(status = 'completed'),
    TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END),
    MIN(CASE WHEN status = 'completed' THEN start_at END),
    MAX(CASE WHEN status = 'completed' THEN start_at END),
    MAX(CASE WHEN status IN ('requested', 'confirmed', 'completed') THEN start_at END)
  FROM appointments WHERE case_id IN (OLD.case_id, NEW.case_id) GROUP BY case_id;
END;

-- Existing rows, summed once.
INSERT INTO appointment_rollups
SELECT (start_at + 28800000) / 86400000, counselor_id, service_type, COUNT(*), TOTAL(status = 'completed'),
  TOTAL(status = 'no_show'), TOTAL(status = 'cancelled'),
  TOTAL(CASE WHEN status IN ('confirmed', 'completed', 'no_show') THEN end_at - start_at ELSE 0 END),
  TOTAL(CASE WHEN status = 'completed' THEN end_at - start_at ELSE 0 END),
  TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END)
FROM appointments GROUP BY 1, 2, 3;

INSERT INTO payment_rollups (local_day, counselor_id, service_id, payments, net_cents)
SELECT (paid_at + 28800000) / 86400000, COALESCE(counselor_id, ''), COALESCE(service_id, ''), COUNT(*),
  TOTAL(amount - refunded_amount)
FROM payments GROUP BY 1, 2, 3;

INSERT INTO case_facts SELECT case_id, TOTAL(status = 'completed'),
  TOTAL(CASE WHEN status = 'completed' THEN fee_cents ELSE 0 END),
  MIN(CASE WHEN status = 'completed' THEN start_at END),
  MAX(CASE WHEN status = 'completed' THEN start_at END),
  MAX(CASE WHEN status IN ('requested', 'confirmed', 'completed') THEN start_at END)
FROM appointments WHERE case_id IS NOT NULL GROUP BY case_id;
