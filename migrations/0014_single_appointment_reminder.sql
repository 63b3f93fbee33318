-- Issue 7: appointment reminders have one path, scheduling's own (worker/reminders.ts). A center
-- that installed the former shipped rule "24 h appointment reminder" would remind its counselors
-- twice; it is disabled (kept, with its history, for the audit trail and run log).
UPDATE rules SET enabled = 0 WHERE template = 'appointment-reminder';
