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

export function renderArticleMarkdown(source: string): string {
  return markdown.render(source);
}
