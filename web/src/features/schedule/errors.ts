import { ApiError } from '../../lib/api-client';
import { errorMessageKey } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n';
import { VaultLockedError } from '../../lib/vault';

/** The refusals a schedule can meet, each with its own sentence; anything else as the app says it. */
const SCHEDULE_CODES = {
  counselor_busy: 'schedule.error.counselor_busy',
  room_busy: 'schedule.error.room_busy',
  on_leave: 'schedule.error.on_leave',
  outside_availability: 'schedule.error.outside_availability',
  conflict: 'schedule.error.conflict',
  invalid_transition: 'schedule.error.invalid_transition',
  not_started: 'schedule.error.not_started',
  not_a_series: 'schedule.error.not_a_series',
  request_not_pending: 'schedule.error.request_not_pending',
  self_approval: 'schedule.error.self_approval',
  forbidden: 'error.forbidden',
  network: 'error.network',
} as const satisfies Record<string, MessageKey>;

export function scheduleErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiError && error.code in SCHEDULE_CODES) {
    return SCHEDULE_CODES[error.code as keyof typeof SCHEDULE_CODES];
  }
  if (error instanceof VaultLockedError) return 'schedule.error.locked';
  return errorMessageKey(error);
}
