/** Input that counts as the person still being at the keyboard. */
export const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;

export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60_000;

/**
 * Calls `onIdle` once after `timeoutMs` without activity on `target`; returns a stop function.
 * Activity only records a timestamp (pointermove fires constantly); a single timer re-arms itself
 * for the remaining time, so the check is cheap and works with fake clocks in tests.
 */
export function watchIdle(target: EventTarget, timeoutMs: number, onIdle: () => void): () => void {
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const recordActivity = () => {
    lastActivity = Date.now();
  };

  const check = () => {
    const idleFor = Date.now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stop();
      onIdle();
    } else {
      timer = setTimeout(check, timeoutMs - idleFor);
    }
  };

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, recordActivity, { capture: true });
  };

  for (const type of ACTIVITY_EVENTS) {
    target.addEventListener(type, recordActivity, { passive: true, capture: true });
  }
  timer = setTimeout(check, timeoutMs);
  return stop;
}
