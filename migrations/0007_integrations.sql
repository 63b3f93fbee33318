-- Open API and integrations (issue 10): API keys, fixed-window rate limits, website booking
-- requests sealed to the intake group key (PROTOCOL §7), payment callbacks and the finance
-- records they create, outbound webhooks with their delivery log. Times are ms since epoch
-- (0 = no expiry); amounts are integers in the currency's minor unit (fen, cents).

-- The key itself is shown once; the server keeps SHA-256 of it (256 random bits need no slow
-- hash). prefix is the first characters, shown in the list so an admin can tell keys apart.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  expires_at INTEGER NOT NULL DEFAULT 0,
  revoked_at INTEGER,
  last_used_at INTEGER,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

-- One counter per key (api:<key id>, widget-ip:<ip>) and fixed window.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);

-- enc/ct: HPKE sealed to the front-desk group's key at group_epoch with info
-- tacit/1/intake|org=…|request=<id>; the name, contact and concern are inside, nothing else is.
-- The booking workflow (issue 6) picks up rows with status 'new' and no workflow_instance_id.
CREATE TABLE booking_requests (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES groups (id),
  group_epoch INTEGER NOT NULL,
  enc TEXT NOT NULL,
  ct TEXT NOT NULL,
  service_id TEXT,
  slot_start INTEGER,
  channel TEXT NOT NULL,
  utm_source TEXT,
  utm_medium TEXT,
  utm_campaign TEXT,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'screening', 'scheduled', 'declined')),
  workflow_instance_id TEXT,
  via_api_key_id TEXT REFERENCES api_keys (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX booking_requests_by_status ON booking_requests (status, created_at);

-- Finance records. provider_ref is the provider's payment id (a Stripe PaymentIntent); service,
-- counselor and appointment come from the payment's metadata and are kept as given.
CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  provider_ref TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL,
  refunded_amount INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('paid', 'partially_refunded', 'refunded')),
  service_id TEXT,
  counselor_id TEXT,
  appointment_id TEXT,
  paid_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_by_paid_at ON payments (paid_at);

CREATE TABLE payment_refunds (
  id TEXT PRIMARY KEY,
  payment_id TEXT NOT NULL REFERENCES payments (id),
  provider_ref TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  refunded_at INTEGER NOT NULL,
  UNIQUE (payment_id, provider_ref)
);

-- Idempotency: a provider's event is applied once; a replay finds its row and changes nothing.
CREATE TABLE payment_events (
  provider TEXT NOT NULL,
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  outcome TEXT NOT NULL,
  payment_id TEXT,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (provider, event_id)
);

-- Outbound webhooks (Standard Webhooks). The secret signs every delivery, so it is kept.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  event_types TEXT NOT NULL,
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

-- One message to one endpoint; id is the webhook-id header (msg_…), the same on every retry.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_status_code INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE webhook_attempts (
  id TEXT PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
  attempted_at INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, attempted_at);
