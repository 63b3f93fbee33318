-- A month tier of the report rollups (issue 9): the whole local months of a period are read from
-- one row per month, counselor and service instead of ~30 day rows, so a twelve-month breakdown
-- reads ~1,800 rows a year instead of ~29,000. A month is keyed by the local day number of its
-- first day (month_day), so the day rollups' bucket boundaries (local days) split it as well.
--
-- Triggers on the day rollups keep it: every change of a day row (made in turn by the triggers of
-- 0026 in the statement that writes an appointment or payment, or by a relayout for a new zone)
-- adds its difference to its month, in the same statement. A day's key never changes, so an
-- update moves nothing between months.

CREATE TABLE appointment_month_rollups (
  month_day INTEGER NOT NULL,
  counselor_id TEXT NOT NULL,
  service_type TEXT NOT NULL,
  appointments INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  no_shows INTEGER NOT NULL,
  cancelled INTEGER NOT NULL,
  booked_ms INTEGER NOT NULL,
  completed_ms INTEGER NOT NULL,
  completed_fee_cents INTEGER NOT NULL,
  PRIMARY KEY (month_day, counselor_id, service_type)
) WITHOUT ROWID;
CREATE INDEX appointment_month_rollups_by_counselor ON appointment_month_rollups (counselor_id, month_day);

CREATE TABLE payment_month_rollups (
  month_day INTEGER NOT NULL,
  counselor_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  payments INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,
  PRIMARY KEY (month_day, counselor_id, service_id)
) WITHOUT ROWID;
CREATE INDEX payment_month_rollups_by_counselor ON payment_month_rollups (counselor_id, month_day);

CREATE TRIGGER appointment_month_rollups_from_insert AFTER INSERT ON appointment_rollups BEGIN
  INSERT INTO appointment_month_rollups (month_day, counselor_id, service_type, appointments, completed, no_shows, cancelled, booked_ms, completed_ms, completed_fee_cents)
  VALUES (NEW.local_day - CAST(strftime('%d', NEW.local_day * 86400, 'unixepoch') AS INTEGER) + 1, NEW.counselor_id, NEW.service_type, NEW.appointments, NEW.completed, NEW.no_shows, NEW.cancelled, NEW.booked_ms, NEW.completed_ms, NEW.completed_fee_cents)
  ON CONFLICT DO UPDATE SET appointments = appointments + excluded.appointments, completed = completed + excluded.completed, no_shows = no_shows + excluded.no_shows, cancelled = cancelled + excluded.cancelled, booked_ms = booked_ms + excluded.booked_ms, completed_ms = completed_ms + excluded.completed_ms, completed_fee_cents = completed_fee_cents + excluded.completed_fee_cents;
END;

CREATE TRIGGER appointment_month_rollups_from_update AFTER UPDATE ON appointment_rollups BEGIN
  UPDATE appointment_month_rollups SET appointments = appointments + NEW.appointments - OLD.appointments, completed = completed + NEW.completed - OLD.completed, no_shows = no_shows + NEW.no_shows - OLD.no_shows, cancelled = cancelled + NEW.cancelled - OLD.cancelled, booked_ms = booked_ms + NEW.booked_ms - OLD.booked_ms, completed_ms = completed_ms + NEW.completed_ms - OLD.completed_ms, completed_fee_cents = completed_fee_cents + NEW.completed_fee_cents - OLD.completed_fee_cents
  WHERE month_day = NEW.local_day - CAST(strftime('%d', NEW.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = NEW.counselor_id AND service_type = NEW.service_type;
  DELETE FROM appointment_month_rollups WHERE appointments = 0 AND month_day = NEW.local_day - CAST(strftime('%d', NEW.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = NEW.counselor_id AND service_type = NEW.service_type;
END;

CREATE TRIGGER appointment_month_rollups_from_delete AFTER DELETE ON appointment_rollups BEGIN
  UPDATE appointment_month_rollups SET appointments = appointments - OLD.appointments, completed = completed - OLD.completed, no_shows = no_shows - OLD.no_shows, cancelled = cancelled - OLD.cancelled, booked_ms = booked_ms - OLD.booked_ms, completed_ms = completed_ms - OLD.completed_ms, completed_fee_cents = completed_fee_cents - OLD.completed_fee_cents
  WHERE month_day = OLD.local_day - CAST(strftime('%d', OLD.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = OLD.counselor_id AND service_type = OLD.service_type;
  DELETE FROM appointment_month_rollups WHERE appointments = 0 AND month_day = OLD.local_day - CAST(strftime('%d', OLD.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = OLD.counselor_id AND service_type = OLD.service_type;
END;

INSERT INTO appointment_month_rollups (month_day, counselor_id, service_type, appointments, completed, no_shows, cancelled, booked_ms, completed_ms, completed_fee_cents)
SELECT local_day - CAST(strftime('%d', local_day * 86400, 'unixepoch') AS INTEGER) + 1, counselor_id, service_type,
  SUM(appointments), SUM(completed), SUM(no_shows), SUM(cancelled), SUM(booked_ms), SUM(completed_ms), SUM(completed_fee_cents)
FROM appointment_rollups GROUP BY 1, 2, 3;

CREATE TRIGGER payment_month_rollups_from_insert AFTER INSERT ON payment_rollups BEGIN
  INSERT INTO payment_month_rollups (month_day, counselor_id, service_id, payments, net_cents)
  VALUES (NEW.local_day - CAST(strftime('%d', NEW.local_day * 86400, 'unixepoch') AS INTEGER) + 1, NEW.counselor_id, NEW.service_id, NEW.payments, NEW.net_cents)
  ON CONFLICT DO UPDATE SET payments = payments + excluded.payments, net_cents = net_cents + excluded.net_cents;
END;

CREATE TRIGGER payment_month_rollups_from_update AFTER UPDATE ON payment_rollups BEGIN
  UPDATE payment_month_rollups SET payments = payments + NEW.payments - OLD.payments, net_cents = net_cents + NEW.net_cents - OLD.net_cents
  WHERE month_day = NEW.local_day - CAST(strftime('%d', NEW.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = NEW.counselor_id AND service_id = NEW.service_id;
  DELETE FROM payment_month_rollups WHERE payments = 0 AND month_day = NEW.local_day - CAST(strftime('%d', NEW.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = NEW.counselor_id AND service_id = NEW.service_id;
END;

CREATE TRIGGER payment_month_rollups_from_delete AFTER DELETE ON payment_rollups BEGIN
  UPDATE payment_month_rollups SET payments = payments - OLD.payments, net_cents = net_cents - OLD.net_cents
  WHERE month_day = OLD.local_day - CAST(strftime('%d', OLD.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = OLD.counselor_id AND service_id = OLD.service_id;
  DELETE FROM payment_month_rollups WHERE payments = 0 AND month_day = OLD.local_day - CAST(strftime('%d', OLD.local_day * 86400, 'unixepoch') AS INTEGER) + 1 AND counselor_id = OLD.counselor_id AND service_id = OLD.service_id;
END;

INSERT INTO payment_month_rollups (month_day, counselor_id, service_id, payments, net_cents)
SELECT local_day - CAST(strftime('%d', local_day * 86400, 'unixepoch') AS INTEGER) + 1, counselor_id, service_id,
  SUM(payments), SUM(net_cents)
FROM payment_rollups GROUP BY 1, 2, 3;
