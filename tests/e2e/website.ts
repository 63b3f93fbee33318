import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userListSchema } from '../../core/api/index';
import { z } from '../../core/api/zod';
import { nodeApiClient } from '../../scripts/demo/node-api';
import { memoryRootPins, signInWithPassphrase } from '../../web/src/lib/protocol/index';

/**
 * The center's own website on another origin (a port of its own), with the booking widget's
 * script tag pasted in; `?lang=en` serves the English widget.
 */
export async function serveWebsite(baseURL: string): Promise<{ url: string; close(): Promise<void> }> {
  const website = createServer((request, response) => {
    const lang = new URL(request.url ?? '/', 'http://localhost').searchParams.get('lang') ?? 'zh-CN';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>心晴咨询中心</title></head>
<body><h1>心晴咨询中心</h1><p>欢迎预约。</p>
<script src="${baseURL}/widget.js" data-lang="${lang === 'en' ? 'en' : 'zh-CN'}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(website.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => website.close(() => resolve())),
  };
}

/**
 * Through the API as the admin: the center offers `service` (50 minutes), and a counselor — the
 * one named, or the first active one — works every day from 09:00 to 17:00.
 */
export async function openTheSchedule(
  baseURL: string,
  admin: { email: string; passphrase: string },
  service: { name: string; feeCents: number },
  counselorName?: string,
): Promise<void> {
  const api = nodeApiClient(baseURL);
  await signInWithPassphrase(api, memoryRootPins(), admin.email, admin.passphrase);
  await api.send(
    'POST',
    '/api/schedule/services',
    { name: service.name, serviceType: 'individual', durationMinutes: 50, feeCents: service.feeCents },
    z.object({ id: z.string() }),
  );
  const { users } = await api.get('/api/users/directory', userListSchema);
  const counselor = users.find((user) =>
    counselorName
      ? user.displayName === counselorName
      : user.status === 'active' && user.roles.includes('counselor'),
  );
  if (!counselor) throw new Error(`the center has no ${counselorName ?? 'active counselor'}`);
  const shifts = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1020 }));
  await api.send('PUT', `/api/schedule/counselors/${counselor.id}/shifts`, { shifts }, z.unknown());
}
