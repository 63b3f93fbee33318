import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../../web/src/lib/idle';

describe('the idle watcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once after the timeout without input', () => {
    const onIdle = vi.fn();
    watchIdle(new EventTarget(), 30_000, onIdle);

    vi.advanceTimersByTime(29_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts from the last input', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 30_000, onIdle);

    vi.advanceTimersByTime(20_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(20_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires after it is stopped', () => {
    const onIdle = vi.fn();
    const stop = watchIdle(new EventTarget(), 1_000, onIdle);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
