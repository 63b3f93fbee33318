/** Cloudflare Turnstile, loaded only when the deployment turns it on (TURNSTILE_SITE_KEY). */

interface TurnstileApi {
  render(element: HTMLElement, options: { sitekey: string; callback: (token: string) => void }): string;
}

const SCRIPT_URL = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

function loadScript(): Promise<TurnstileApi> {
  const existing = (window as { turnstile?: TurnstileApi }).turnstile;
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SCRIPT_URL;
    script.async = true;
    script.onload = () => {
      const loaded = (window as { turnstile?: TurnstileApi }).turnstile;
      if (loaded) resolve(loaded);
      else reject(new Error('Turnstile did not load'));
    };
    script.onerror = () => reject(new Error('Turnstile did not load'));
    document.head.append(script);
  });
}

export async function renderTurnstile(
  element: HTMLElement,
  siteKey: string,
  onToken: (token: string) => void,
) {
  const turnstile = await loadScript();
  turnstile.render(element, { sitekey: siteKey, callback: onToken });
}
