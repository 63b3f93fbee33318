import { cjkWords, normalize, runs } from './text.js';

/**
 * What a person typed, as clauses that must all hold (AND):
 * - `"…"` quoted: an exact phrase (after folding case and spaces);
 * - a Latin word: any word starting with it (case-insensitive prefix);
 * - a run of Chinese: each of its dictionary words as a phrase, so 失眠焦虑 finds a note that
 *   says 焦虑 and, elsewhere, 失眠; the run as typed is an optional clause that ranks a note
 *   holding it verbatim first.
 */

export interface QueryClause {
  readonly kind: 'word' | 'phrase';
  /** normalized */
  readonly text: string;
  /** false: raises the rank of a document that has it, does not exclude one that has not */
  readonly required: boolean;
}

const QUOTED = /["“”「」『』]([^"“”「」『』]*)["“”「」『』]?/gu;

function looseClauses(part: string): QueryClause[] {
  const clauses: QueryClause[] = [];
  for (const run of runs(normalize(part).text)) {
    if (run.kind === 'word') {
      clauses.push({ kind: 'word', text: run.text, required: true });
      continue;
    }
    const words = cjkWords(run.text);
    // A segmenter may leave single characters between words: they stay in the phrase clause.
    const covered = words.join('').length === run.text.length;
    if (words.length > 1 && covered) {
      for (const word of words) clauses.push({ kind: 'phrase', text: word, required: true });
      clauses.push({ kind: 'phrase', text: run.text, required: false });
    } else {
      clauses.push({ kind: 'phrase', text: run.text, required: true });
    }
  }
  return clauses;
}

export function parseQuery(query: string): QueryClause[] {
  const clauses: QueryClause[] = [];
  let rest = '';
  let last = 0;
  for (const match of query.matchAll(QUOTED)) {
    rest += ` ${query.slice(last, match.index)}`;
    last = match.index + match[0].length;
    const phrase = normalize(match[1] ?? '').text;
    if (runs(phrase).length > 0) clauses.push({ kind: 'phrase', text: phrase, required: true });
  }
  rest += ` ${query.slice(last)}`;
  clauses.push(...looseClauses(rest));
  const seen = new Set<string>();
  return clauses.filter((clause) => {
    const key = `${clause.kind}:${clause.required}:${clause.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
