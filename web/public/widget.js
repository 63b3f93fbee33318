/*
 * Tacit booking widget loader. A center pastes
 *   <script src="https://<tacit>/widget.js" data-lang="zh-CN" async></script>
 * where the widget should appear (or sets data-target="#some-element"). It adds an iframe from
 * the Tacit origin, where the visitor's request is sealed before it leaves the browser; the host
 * page never sees what the visitor types. It passes the page's utm_* parameters and data-channel.
 */
(() => {
  const script = document.currentScript;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const page = new URLSearchParams(window.location.search);
  const query = new URLSearchParams();
  for (const name of ['utm_source', 'utm_medium', 'utm_campaign']) {
    const value = page.get(name);
    if (value) query.set(name, value);
  }
  if (script.dataset.channel) query.set('channel', script.dataset.channel);
  if (script.dataset.lang) query.set('lang', script.dataset.lang);

  const frame = document.createElement('iframe');
  frame.src = `${origin}/widget?${query}`;
  frame.title = script.dataset.title || 'Booking';
  frame.style.width = '100%';
  frame.style.minHeight = '520px';
  frame.style.border = '0';
  const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
  if (target) target.append(frame);
  else script.after(frame);

  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data;
    if (data && data.type === 'tacit-widget-height' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
})();
