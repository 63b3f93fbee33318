import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { limitBody } from './middleware/body-limit.js';
import { requireConfiguration } from './middleware/configured.js';
import { csrfProtection } from './middleware/csrf.js';
import { onError, onNotFound } from './middleware/error-handler.js';
import { securityHeaders } from './middleware/security-headers.js';
import { accessRequestRoutes, caseAccessRequestRoutes } from './routes/access-requests.js';
import { adminRoutes } from './routes/admin.js';
import { attachmentRoutes } from './routes/attachments.js';
import { auditRoutes } from './routes/audit.js';
import { auth } from './routes/auth.js';
import { caseExportRoutes } from './routes/case-exports.js';
import { caseKeyRoutes } from './routes/case-keys.js';
import { caseRecordRoutes } from './routes/case-records.js';
import { caseRoutes } from './routes/cases.js';
import { clientRoutes } from './routes/clients.js';
import { devRoutes } from './routes/dev.js';
import { groupRoutes } from './routes/groups.js';
import { health } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { recoveryRoutes } from './routes/recovery.js';
import { setup } from './routes/setup.js';
import { userRoutes } from './routes/users.js';

export const app = new Hono<AppEnv>();

app.use('*', securityHeaders);
app.onError(onError);
app.notFound(onNotFound);

// Health answers even before the secret is configured: it reports on D1, nothing else.
app.route('/api/health', health);

app.use('/api/*', requireConfiguration, csrfProtection, limitBody());
app.route('/api/setup', setup);
app.route('/api/auth', auth);
app.route('/api/invitations', invitationRoutes);
app.route('/api/users', userRoutes);
app.route('/api/admin', adminRoutes);
app.route('/api/audit', auditRoutes);
app.route('/api/groups', groupRoutes);
app.route('/api/clients', clientRoutes);
app.route('/api/cases', caseRoutes);
app.route('/api/cases', caseRecordRoutes);
app.route('/api/cases', caseKeyRoutes);
app.route('/api/cases', caseAccessRequestRoutes);
app.route('/api/cases', attachmentRoutes);
app.route('/api/cases', caseExportRoutes);
app.route('/api/access-requests', accessRequestRoutes);
app.route('/api/recovery', recoveryRoutes);
app.route('/api/dev', devRoutes);
