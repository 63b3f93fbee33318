import { createSignal } from 'solid-js';

/**
 * The state every form shares: whether the person has tried to send it (errors show from then
 * on), whether it is being sent, and why the last attempt failed.
 */
export function createSubmission() {
  const [attempted, setAttempted] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  /** Marks the attempt; runs `work` once when `ready` and not already sending; keeps its failure. */
  const submit = async (ready: boolean, work: () => Promise<void>) => {
    setAttempted(true);
    if (sending() || !ready) return;
    setSending(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const reset = () => {
    setAttempted(false);
    setFailure(null);
  };

  return { attempted, sending, failure, submit, reset };
}
