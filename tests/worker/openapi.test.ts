import { describe, expect, it } from 'vitest';
import { PUBLIC_OPERATIONS } from '../../core/api/public-api.js';
import { WORKFLOW_OPERATIONS } from '../../core/api/workflow-operations.js';
import { z } from '../../core/api/zod.js';
import { Browser } from './support/client.js';
import { createApiKey, serverCall } from './support/integrations.js';
import { setUpOrganization } from './support/scenario.js';

const example = (schema: z.ZodType | undefined) =>
  schema ? z.globalRegistry.get(schema)?.example : undefined;

describe('the OpenAPI document', () => {
  it('is served as OpenAPI 3.1 JSON documenting every public operation with its security', async () => {
    const res = await new Browser().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    for (const [id, operation] of Object.entries(PUBLIC_OPERATIONS)) {
      const documented = doc.paths[operation.path]?.[operation.method];
      expect(documented?.operationId, id).toBe(id);
      if (operation.auth.kind === 'apiKey')
        expect(documented.security).toEqual([{ apiKey: [operation.auth.scope] }]);
    }
    for (const ref of JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []) {
      const path = ref.slice(8, -1).replace('#/', '').split('/');
      expect(
        path.reduce((node: Record<string, unknown>, key) => node?.[key] as Record<string, unknown>, doc),
        ref,
      ).toBeDefined();
    }
    expect(Object.keys(doc.webhooks)).toContain('booking_request.created');
  });

  it('carries an example for every request body and response, each valid against the route’s own schema', async () => {
    const doc = (await new Browser().get('/api/openapi.json')).body;
    for (const [id, operation] of Object.entries(PUBLIC_OPERATIONS)) {
      const documented = doc.paths[operation.path][operation.method];
      if ('body' in operation) {
        const bodyExample = documented.requestBody.content['application/json'].example;
        expect(bodyExample, `${id} request example`).toBeDefined();
        expect(operation.body.safeParse(bodyExample).success, `${id} request example`).toBe(true);
        expect(bodyExample).toEqual(example(operation.body));
      }
      const responseExample =
        documented.responses[String(operation.status)].content['application/json'].example;
      expect(responseExample, `${id} response example`).toBeDefined();
      expect(operation.response.safeParse(responseExample).success, `${id} response example`).toBe(true);
    }
  });

  it('routes every documented /api/v1 operation: a key without its scope is refused, never a 404', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['reports:read']);
    for (const operation of Object.values(PUBLIC_OPERATIONS)) {
      if (operation.auth.kind !== 'apiKey') continue;
      const path = operation.path.replace('{id}', crypto.randomUUID());
      const res =
        operation.method === 'get'
          ? await serverCall('GET', path, { key: key.secret })
          : await serverCall('POST', path, { key: key.secret, json: {} });
      if (operation.auth.scope === 'reports:read') {
        expect(res.status, operation.path).toBe(200);
      } else {
        expect(res.status, operation.path).toBe(403);
        expect(res.body.error.code).toBe('insufficient_scope');
      }
    }
  });

  it('documents the workflow routes with the session they need, each refusing a caller without one', async () => {
    const doc = (await new Browser().get('/api/openapi.json')).body;
    expect(doc.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'tacit_session',
    });
    await setUpOrganization();
    for (const [id, operation] of Object.entries(WORKFLOW_OPERATIONS)) {
      const documented = doc.paths[operation.path]?.[operation.method];
      expect(documented?.operationId, id).toBe(id);
      expect(documented.security).toEqual([{ session: [] }]);
      expect(Object.keys(documented.responses)).toEqual(
        expect.arrayContaining([String(operation.status), '400', '401', '403']),
      );
      if ('body' in operation)
        expect(documented.requestBody.content['application/json'].schema).toBeDefined();
      const path = operation.path.replace('{id}', crypto.randomUUID()).replace('{key}', 'new_client_booking');
      const method = operation.method.toUpperCase() as 'GET' | 'POST' | 'PUT';
      const res = await new Browser().request(method, path, method === 'GET' ? {} : { json: {} });
      expect(res.status, `${id} without a session`).toBe(401);
    }
  });

  it('lists appointments in a range for appointments:read, and refuses a range too long', async () => {
    const center = await setUpOrganization();
    const key = await createApiKey(center, ['appointments:read']);
    const from = Date.now();
    const ok = await serverCall('GET', `/api/v1/appointments?from=${from}&to=${from + 7 * 86_400_000}`, {
      key: key.secret,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ appointments: [] });
    const tooLong = await serverCall(
      'GET',
      `/api/v1/appointments?from=${from}&to=${from + 60 * 86_400_000}`,
      {
        key: key.secret,
      },
    );
    expect(tooLong.status).toBe(400);
  });

  it('renders a readable reference page from the document', async () => {
    const res = await serverCall('GET', '/api/reference');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    for (const operation of Object.values(PUBLIC_OPERATIONS)) expect(res.body).toContain(operation.path);
    expect(res.body).toContain('href="/api/reference.css"');
    expect((await serverCall('GET', '/api/reference.css')).headers.get('Content-Type')).toContain('text/css');
  });
});
