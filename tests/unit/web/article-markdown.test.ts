import { describe, expect, it } from 'vitest';
import { renderArticleMarkdown } from '../../../web/src/features/knowledge/markdown.js';

describe('article Markdown', () => {
  it('renders headings one level below the page title, lists, emphasis and code', () => {
    const html = renderArticleMarkdown('# 危机干预\n\n###### 附\n\n- 评估风险\n- **联系**家属\n\n`热线`');
    expect(html).toContain('<h2>危机干预</h2>');
    expect(html).toContain('<h6>附</h6>');
    expect(html).toContain('<li>评估风险</li>');
    expect(html).toContain('<strong>联系</strong>');
    expect(html).toContain('<code>热线</code>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = renderArticleMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses script links and loads no remote images', () => {
    const html = renderArticleMarkdown(
      '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![pixel](https://tracker.example/p.png)',
    );
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).not.toContain('<img');
  });

  it('opens ordinary and bare links in a new tab without opener or referrer', () => {
    const html = renderArticleMarkdown('[转介](https://example.org/a) 以及 https://example.org/b');
    expect(html).toContain(
      '<a href="https://example.org/a" target="_blank" rel="noopener noreferrer nofollow">转介</a>',
    );
    expect(html).toContain('href="https://example.org/b" target="_blank"');
  });
});
