import { Hono } from 'hono';
import { buildOpenApiDocument } from '../../core/api/openapi.js';
import { API_REFERENCE_CSS, renderApiReference } from '../api-reference.js';
import type { AppEnv } from '../env.js';

/** The OpenAPI 3.1 document of the public API and its readable reference page. */
export const openApiRoutes = new Hono<AppEnv>();

export const API_VERSION = '1.0.0';

openApiRoutes.get('/openapi.json', (c) => c.json(buildOpenApiDocument(API_VERSION)));

openApiRoutes.get('/reference', (c) => c.html(renderApiReference(buildOpenApiDocument(API_VERSION))));

openApiRoutes.get('/reference.css', (c) =>
  c.body(API_REFERENCE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
);
