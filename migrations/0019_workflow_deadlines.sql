-- Workflow runtime (issue 6): reminders and escalation of a step's deadline on the Cron Trigger,
-- and instances a trigger starts exactly once. Operational columns only.

-- When the assignee is reminded (due_at minus the step's remindBeforeHours) and when the step is
-- escalated (its due_at, set only when the step names someone to escalate to); the *_done
-- columns record that the cron did it, so a retried run never repeats it.
ALTER TABLE tasks ADD COLUMN remind_at INTEGER;
ALTER TABLE tasks ADD COLUMN reminded_at INTEGER;
ALTER TABLE tasks ADD COLUMN escalate_at INTEGER;
ALTER TABLE tasks ADD COLUMN escalated_at INTEGER;
CREATE INDEX tasks_reminder_due ON tasks (remind_at) WHERE reminded_at IS NULL AND status = 'open';
CREATE INDEX tasks_escalation_due ON tasks (escalate_at) WHERE escalated_at IS NULL AND status = 'open';

-- What started an instance on its own (e.g. 'supervision:<case>:<sessions>'): unique, so an
-- event handled twice starts one instance.
ALTER TABLE workflow_instances ADD COLUMN trigger_key TEXT;
CREATE UNIQUE INDEX workflow_instances_trigger ON workflow_instances (trigger_key) WHERE trigger_key IS NOT NULL;
