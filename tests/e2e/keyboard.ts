/** Driving a page with the keyboard alone, checking at every stop that a person can see where focus is. */
import type { Frame, Page } from 'playwright-core';

/** The page or the frame (the booking widget) whose document holds the focus. */
export type Surface = Page | Frame;

export interface FocusStop {
  /** the accessible name a person would hear: aria-label, the label, the text, else the tag */
  readonly name: string;
  readonly tag: string;
  readonly visible: boolean;
}

/** The focused element and whether a person can see where focus is (an outline or a ring). */
export async function focusShown(surface: Surface): Promise<FocusStop> {
  return surface.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: 'body', tag: 'BODY', visible: false };
    const shows = (box: Element) => {
      const style = getComputedStyle(box);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return outlined || style.boxShadow !== 'none';
    };
    // A field may show focus on the box around it (:focus-within, as the top bar's search does),
    // and a visually hidden radio or checkbox on the drawn control beside it.
    const parent = element.parentElement;
    const near = [element, parent, parent?.parentElement, ...(parent ? Array.from(parent.children) : [])];
    const visible = near.some(
      (box) => box !== null && box !== undefined && box !== document.body && shows(box),
    );
    const labelledBy = element
      .getAttribute('aria-labelledby')
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
    const labels = 'labels' in element ? (element as HTMLInputElement).labels : null;
    const name =
      element.getAttribute('aria-label') ||
      labelledBy ||
      labels?.[0]?.textContent?.trim() ||
      element.textContent?.trim() ||
      element.tagName;
    return { name: name.slice(0, 60), tag: element.tagName, visible };
  });
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element's name matches, recording each
 * stop where focus cannot be seen.
 */
export async function tabTo(
  page: Page,
  name: RegExp,
  unseen: string[],
  options: { surface?: Surface; back?: boolean; stops?: number } = {},
): Promise<FocusStop> {
  const surface = options.surface ?? page;
  const visited: string[] = [];
  for (let stop = 0; stop < (options.stops ?? 60); stop++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const focused = await focusShown(surface);
    visited.push(focused.name);
    // Past the page's last stop focus is in the browser's own bar, where the page draws nothing.
    if (!focused.visible && focused.tag !== 'BODY') unseen.push(focused.name);
    if (name.test(focused.name)) return focused;
  }
  throw new Error(`Tab never reached ${name}; it went through: ${visited.join(' | ')}`);
}

/** Types into the focused field, first selecting what it held (Ctrl+A), as a person would. */
export async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Moves the focused <select> with the arrow keys until the option shown matches `label`. */
export async function chooseOption(page: Page, label: RegExp, surface: Surface = page) {
  const chosen = () =>
    surface.evaluate(() => {
      const select = document.activeElement;
      return select instanceof HTMLSelectElement
        ? (select.selectedOptions[0]?.textContent?.trim() ?? '')
        : '';
    });
  const count = await surface.evaluate(() => {
    const select = document.activeElement;
    return select instanceof HTMLSelectElement ? select.options.length : 0;
  });
  await page.keyboard.press('Home');
  for (let step = 0; step <= count; step++) {
    if (label.test(await chosen())) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${label} in the focused list`);
}

/** Whether the focus is inside the element `selector` matches (an open dialog, say). */
export function focusInside(surface: Surface, selector: string): Promise<boolean> {
  return surface.evaluate((within) => document.activeElement?.closest(within) !== null, selector);
}
