-- Reports of issue 9 beyond appointment and case counts read these indexes, never a table scan:
-- a case's sessions, last visit, first session and fees (dropout, retention, sessions per case,
-- lifetime value, the funnel's later stages); payments by day paid and by appointment (revenue,
-- outstanding fees); booking requests by day made (the funnel's first stages); supervision reports
-- by day filed; satisfaction surveys by day submitted; shift exceptions by date (utilization).
CREATE INDEX appointments_for_case_reports ON appointments (case_id, status, start_at, fee_cents)
  WHERE case_id IS NOT NULL;
CREATE INDEX payments_for_reports ON payments (paid_at, counselor_id, service_id, amount, refunded_amount);
CREATE INDEX payments_by_appointment ON payments (appointment_id, amount, refunded_amount);
CREATE INDEX booking_requests_for_reports ON booking_requests (created_at, channel, status);
CREATE INDEX case_records_for_reports ON case_records (form, created_at, author_id, rev);
CREATE INDEX portal_submissions_for_reports ON portal_submissions (form, submitted_at, case_id);
CREATE INDEX availability_exceptions_by_date ON availability_exceptions (local_date);
