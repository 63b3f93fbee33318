import MarkdownIt from 'markdown-it';

/**
 * Article Markdown to HTML. Any colleague with a writer role can author an article, and it is
 * rendered where the keys live, so: raw HTML is escaped (`html: false`), links are only what
 * markdown-it's validateLink allows (no javascript:, vbscript:, file: or data: except images),
 * and images are off altogether — a remote image would tell its host who read the article, when.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.disable('image');

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    // A new tab without an opener or referrer: the linked page learns nothing of this app.
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// The page's title is the h1: an article's own headings start one level below it.
const shiftHeading = (tag: string) => `h${Math.min(6, Number(tag.slice(1)) + 1)}`;
for (const rule of ['heading_open', 'heading_close'] as const) {
  markdown.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    if (token) token.tag = shiftHeading(token.tag);
    return self.renderToken(tokens, idx, options);
  };
}

export function renderArticleMarkdown(source: string): string {
  return markdown.render(source);
}
