-- Dashboards (issue 9): an admin's named grid of report widgets, shown to the roles it names.
-- Only configuration lives here — metric ids, breakdowns, periods and chart types; the figures are
-- computed when a dashboard is viewed, scoped to the viewer by /api/reports/metrics.
-- template names the shipped dashboard a row was installed from, once per center.
CREATE TABLE dashboards (
  id TEXT PRIMARY KEY,
  template TEXT UNIQUE,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  widgets TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
