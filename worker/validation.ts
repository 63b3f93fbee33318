import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

/** STYLE 5: zod at the edge of every route; handlers read `c.req.valid(target)` and trust it. */

function describeIssues(error: z.ZodError, where: string): string {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `invalid ${where}: ${issues.join('; ')}`;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'invalid_request', describeIssues(result.error, where));
  return result.data;
}

async function readJson(c: Context): Promise<unknown> {
  const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'request body must be application/json');
  }
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'malformed_json', 'request body is not valid JSON');
  }
}

export function jsonBody<S extends z.ZodType>(schema: S) {
  return createMiddleware<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }>(
    async (c, next) => {
      c.req.addValidatedData('json', parseOrThrow(schema, await readJson(c), 'request body') as object);
      await next();
    },
  );
}

export function queryParams<S extends z.ZodType>(schema: S) {
  return createMiddleware<AppEnv, string, { out: { query: z.output<S> } }>(async (c, next) => {
    c.req.addValidatedData('query', parseOrThrow(schema, c.req.query(), 'query') as object);
    await next();
  });
}

export function pathParams<S extends z.ZodType>(schema: S) {
  return createMiddleware<AppEnv, string, { out: { param: z.output<S> } }>(async (c, next) => {
    c.req.addValidatedData('param', parseOrThrow(schema, c.req.param(), 'path') as object);
    await next();
  });
}
