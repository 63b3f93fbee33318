-- Reports over cases (issue 9) read these covering indexes, never the table: new and closed cases
-- per period, and the snapshot of active cases, each broken down by counselor, service or channel.
CREATE INDEX cases_for_reports_opened ON cases (opened_at, primary_counselor_id, service_type, channel);
CREATE INDEX cases_for_reports_closed ON cases (closed_at, primary_counselor_id, service_type, channel)
  WHERE closed_at IS NOT NULL;
CREATE INDEX cases_for_reports_status ON cases (status, primary_counselor_id, service_type, channel);
