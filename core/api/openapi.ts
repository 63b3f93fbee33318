import { SESSION_COOKIE } from './auth.js';
import { apiErrorBodySchema } from './errors.js';
import { type ApiOperation, PUBLIC_OPERATIONS, SCOPE_DESCRIPTIONS } from './public-api.js';
import { WEBHOOK_EVENT_TYPES, webhookPayloadSchema } from './webhooks.js';
import { WORKFLOW_OPERATIONS } from './workflow-operations.js';
import { z } from './zod.js';

/** OpenAPI 3.1 for the public API, generated from the zod schemas the routes validate with. */

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3.1 schemas are JSON Schema 2020-12; requests are described as sent, responses as returned. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function exampleOf(schema: z.ZodType): unknown {
  return z.globalRegistry.get(schema)?.example;
}

function parameters(operation: ApiOperation) {
  const list: JsonSchema[] = [];
  for (const [where, object] of [
    ['path', operation.params],
    ['query', operation.query],
  ] as const) {
    if (!object) continue;
    const schema = jsonSchema(object, 'input');
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
  }
  return list;
}

function security(operation: ApiOperation) {
  switch (operation.auth.kind) {
    case 'apiKey':
      return [{ apiKey: [operation.auth.scope] }];
    case 'stripeSignature':
      return [{ stripeSignature: [] }];
    case 'standardWebhooks':
      return [{ standardWebhooks: [] }];
    case 'public':
      return [];
    case 'session':
      return [{ session: [] }];
  }
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operationObject(id: string, operation: ApiOperation) {
  const responseExample = exampleOf(operation.response);
  const bodyExample = operation.body ? exampleOf(operation.body) : undefined;
  const failures: Record<string, unknown> = {
    '400': errorResponse('The request failed validation (error.code invalid_request, malformed_json…)'),
  };
  if (operation.auth.kind === 'apiKey') {
    failures['401'] = errorResponse('No key, an unknown, expired or revoked key');
    failures['403'] = errorResponse(`The key lacks the scope ${operation.auth.scope}`);
    failures['429'] = errorResponse('Too many calls with this key this minute; see Retry-After');
  } else if (operation.auth.kind === 'session') {
    failures['401'] = errorResponse('Not signed in, or the session expired');
    failures['403'] = errorResponse(
      operation.auth.roles
        ? `Needs the role ${operation.auth.roles.join(' or ')}`
        : 'Not allowed for this user',
    );
    failures['404'] = errorResponse('No such object, or not one this user may see');
  } else if (operation.auth.kind !== 'public') {
    failures['401'] = errorResponse('The signature is missing, wrong or outside the tolerance window');
  } else {
    failures['429'] = errorResponse('Too many requests from this address; see Retry-After');
  }
  return {
    operationId: id,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description && { description: operation.description }),
    security: security(operation),
    ...(operation.params || operation.query ? { parameters: parameters(operation) } : {}),
    ...(operation.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: jsonSchema(operation.body, 'input'),
            ...(bodyExample !== undefined && { example: bodyExample }),
          },
        },
      },
    }),
    responses: {
      [String(operation.status)]: {
        description: 'Success',
        content: {
          'application/json': {
            schema: jsonSchema(operation.response, 'output'),
            ...(responseExample !== undefined && { example: responseExample }),
          },
        },
      },
      ...failures,
    },
  };
}

export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const operations = { ...PUBLIC_OPERATIONS, ...WORKFLOW_OPERATIONS };
  for (const [id, operation] of Object.entries(operations) as [string, ApiOperation][]) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, unknown>)[operation.method] = operationObject(id, operation);
  }
  const webhooks = Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: `${type}, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature)`,
          requestBody: {
            content: {
              'application/json': { schema: jsonSchema(webhookPayloadSchema, 'output') },
            },
          },
          responses: {
            '200': { description: 'Any 2xx acknowledges; anything else is retried with backoff' },
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tacit API',
      version,
      description:
        'The open API of a Tacit deployment. Integrations see operational data only: everything a client or counselor writes is encrypted in a browser and never readable here.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Booking requests' },
      { name: 'Appointments' },
      { name: 'Payments' },
      { name: 'Reports' },
      { name: 'Payment callbacks' },
      { name: 'Booking widget' },
      { name: 'Workflows', description: 'The workflow engine, with a signed-in session (issue 6).' },
    ],
    paths,
    webhooks,
    components: {
      schemas: { Error: jsonSchema(apiErrorBodySchema, 'output') },
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: `An API key created by an admin (tk_…). Scopes: ${Object.entries(SCOPE_DESCRIPTIONS)
            .map(([scope, what]) => `${scope} — ${what}`)
            .join('; ')}.`,
        },
        stripeSignature: { type: 'apiKey', in: 'header', name: 'Stripe-Signature' },
        standardWebhooks: { type: 'apiKey', in: 'header', name: 'webhook-signature' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
    },
  };
}
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
