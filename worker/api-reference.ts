import type { OpenApiDocument } from '../core/api/openapi.js';

/**
 * A readable reference page rendered from the OpenAPI document: plain HTML and one stylesheet
 * from this origin, so it needs nothing the strict CSP forbids.
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const codeBlock = (value: unknown) => `<pre><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`;

interface OperationLike {
  operationId: string;
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: unknown; example?: unknown } } };
  responses: Record<string, { description: string; content?: { 'application/json': { example?: unknown } } }>;
}

function authLine(operation: OperationLike): string {
  const [requirement] = operation.security;
  if (!requirement) return 'No authentication (public).';
  const [scheme, scopes] = Object.entries(requirement)[0] ?? [];
  if (scheme === 'apiKey')
    return `API key (<code>Authorization: Bearer tk_…</code>) with scope <code>${escapeHtml(scopes?.join(' ') ?? '')}</code>.`;
  if (scheme === 'stripeSignature') return 'Stripe-Signature header.';
  if (scheme === 'session') return 'A signed-in session (cookie <code>tacit_session</code>).';
  return 'Standard Webhooks signature headers.';
}

function operationSection(method: string, path: string, operation: OperationLike): string {
  const body = operation.requestBody?.content['application/json'];
  const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
  const failures = Object.entries(operation.responses).filter(([status]) => !status.startsWith('2'));
  return `<section class="operation" id="${escapeHtml(operation.operationId)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)}</p>
${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ''}
<p class="auth">${authLine(operation)}</p>
${
  operation.parameters?.length
    ? `<h4>Parameters</h4><ul>${operation.parameters
        .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', required' : ''})</li>`)
        .join('')}</ul>`
    : ''
}
${body?.example !== undefined ? `<h4>Example request</h4>${codeBlock(body.example)}` : ''}
${
  success
    ? `<h4>${success[0]} ${escapeHtml(success[1].description)}</h4>${
        success[1].content?.['application/json'].example !== undefined
          ? codeBlock(success[1].content['application/json'].example)
          : ''
      }`
    : ''
}
<h4>Errors</h4><ul>${failures.map(([status, r]) => `<li>${status}: ${escapeHtml(r.description)}</li>`).join('')}</ul>
</section>`;
}

export function renderApiReference(document: OpenApiDocument): string {
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      sections.push(operationSection(method, path, operation as OperationLike));
    }
  }
  const webhooks = Object.keys(document.webhooks)
    .map((type) => `<li><code>${escapeHtml(type)}</code></li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)} reference</title>
<link rel="stylesheet" href="/api/reference.css"></head>
<body><main>
<h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${document.openapi}).</p>
<h2>Operations</h2>
${sections.join('\n')}
<h2>Outbound webhooks</h2>
<p>Each delivery is a POST of <code>{"type","timestamp","data"}</code> signed per Standard Webhooks:
<code>webhook-signature: v1,base64(HMAC-SHA256(key, webhook-id + "." + webhook-timestamp + "." + body))</code>,
the key being the base64 after <code>whsec_</code> in the endpoint's secret. Failed deliveries are retried after
5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. Payloads carry ids and operational data only. Event types:</p>
<ul>${webhooks}</ul>
</main></body></html>`;
}

export const API_REFERENCE_CSS = `body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1f2933;background:#fafaf7}
main{max-width:860px;margin:0 auto;padding:2rem 1.25rem}
h1 small{font-weight:400;color:#52606d}
.operation{border-top:1px solid #d9dde1;padding:1rem 0}
.method{display:inline-block;min-width:3.5rem;padding:.1rem .4rem;border-radius:4px;font-size:.8rem;text-align:center;color:#fff;background:#3e7c6b}
.method.get{background:#3c6e9f}
pre{background:#f0f1ee;padding:.75rem;border-radius:6px;overflow:auto;font-size:.85rem}
code{font-family:ui-monospace,monospace}
.auth{color:#52606d}`;
