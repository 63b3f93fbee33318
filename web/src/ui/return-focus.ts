import { createComputed } from 'solid-js';

/**
 * Kobalte gives focus back only to a Dialog.Trigger when a modal closes; ours open from buttons of
 * their own, and without this focus would fall to the page's start (WCAG 2.4.3). Remembers the
 * element that had focus when `open` turned true and is the dialog content's `onCloseAutoFocus`.
 */
export function createReturnFocus(open: () => boolean): (event: Event) => void {
  let opener: HTMLElement | null = null;
  createComputed(() => {
    if (open()) opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  });
  return (event) => {
    const target = opener;
    opener = null;
    if (!target?.isConnected) return;
    event.preventDefault();
    target.focus({ preventScroll: true });
  };
}
