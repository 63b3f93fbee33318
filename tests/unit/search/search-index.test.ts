import { describe, expect, it } from 'vitest';
import { parseQuery, type SearchHit, SearchIndex } from '../../../core/search/index';
import type { TextPart } from '../../../core/search/snippet';

interface Note {
  id: string;
  title: string;
  text: string;
  at?: number;
}

function indexOf(...notes: Note[]): SearchIndex<Note> {
  const index = new SearchIndex<Note>();
  for (const note of notes) index.add(note);
  return index;
}

const ids = (index: SearchIndex<Note>, query: string) => index.search(query).hits.map((hit) => hit.doc.id);
const marked = (parts: readonly TextPart[]) =>
  parts.map((part) => (part.hit ? `[${part.text}]` : part.text)).join('');
const snippetOf = (hit: SearchHit<Note> | undefined) => (hit ? marked(hit.snippet.parts) : '');

const sleep: Note = {
  id: 'sleep',
  title: '单次咨询记录',
  text: '来访者近两周睡眠明显变差，焦虑症状加重，白天难以集中注意力。',
};
const calm: Note = { id: 'calm', title: '首次访谈', text: '来访者情绪平稳，无明显焦虑。' };
const english: Note = {
  id: 'english',
  title: 'Intake interview',
  text: 'The client reports Panic Attacks at night and avoids crowded places.',
};

describe('the search index, in Chinese', () => {
  it('finds 焦虑 inside 焦虑症状 and inside 无明显焦虑', () => {
    expect(ids(indexOf(sleep, calm, english), '焦虑').sort()).toEqual(['calm', 'sleep']);
  });

  it('finds a phrase that crosses the boundary between two words (虑症 of 焦虑症状)', () => {
    expect(ids(indexOf(sleep, calm), '虑症')).toEqual(['sleep']);
  });

  it('finds a single character', () => {
    expect(ids(indexOf(sleep, calm, english), '眠')).toEqual(['sleep']);
  });

  it('requires every word of an unquoted run, wherever each one is (AND)', () => {
    const index = indexOf(sleep, calm);
    expect(ids(index, '睡眠焦虑')).toEqual(['sleep']);
    expect(ids(index, '睡眠 平稳')).toEqual([]);
  });

  it('treats a quoted phrase as exact: 睡眠焦虑 does not occur verbatim', () => {
    expect(ids(indexOf(sleep, calm), '"睡眠焦虑"')).toEqual([]);
    expect(ids(indexOf(sleep, calm), '“睡眠明显变差”')).toEqual(['sleep']);
  });

  it('marks the hit in the snippet in the author’s own characters', () => {
    const [hit] = indexOf(sleep).search('焦虑症状').hits;
    expect(snippetOf(hit)).toContain('[焦虑症状]');
    expect(snippetOf(hit)).toContain('来访者近两周');
  });

  it('folds full-width letters and digits (NFKC) and keeps the original in the snippet', () => {
    const index = indexOf({ id: 'wide', title: '量表', text: 'ＧＡＤ－７得分１２分' });
    const [hit] = index.search('gad').hits;
    expect(hit?.doc.id).toBe('wide');
    expect(snippetOf(hit)).toBe('[ＧＡＤ]－７得分１２分');
    expect(ids(index, '12')).toEqual(['wide']);
  });
});

describe('the search index, in English', () => {
  it('matches case-insensitively and by prefix', () => {
    const index = indexOf(sleep, english);
    expect(ids(index, 'panic')).toEqual(['english']);
    expect(ids(index, 'PAN')).toEqual(['english']);
    expect(ids(index, 'anic')).toEqual([]);
  });

  it('highlights the whole word a prefix matched', () => {
    const [hit] = indexOf(english).search('crowd').hits;
    expect(snippetOf(hit)).toContain('avoids [crowded] places');
  });

  it('keeps a quoted phrase in order, the last word as a prefix', () => {
    const index = indexOf(english);
    expect(ids(index, '"panic attacks"')).toEqual(['english']);
    expect(ids(index, '"panic att"')).toEqual(['english']);
    expect(ids(index, '"attacks panic"')).toEqual([]);
  });

  it('mixes scripts in one query (AND)', () => {
    const mixed: Note = { id: 'mixed', title: 'CBT 计划', text: '下次会谈继续 CBT 治疗，布置睡眠日记。' };
    const index = indexOf(sleep, english, mixed);
    expect(ids(index, 'cbt 睡眠')).toEqual(['mixed']);
    expect(ids(index, 'cbt 焦虑')).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts a title hit above a body hit', () => {
    const titled: Note = { id: 'titled', title: '焦虑评估', text: 'GAD-7 得分 12。' };
    expect(ids(indexOf(sleep, titled), '焦虑')).toEqual(['titled', 'sleep']);
  });

  it('puts a note saying it more often first', () => {
    const often: Note = { id: 'often', title: '记录', text: '焦虑。焦虑。焦虑反复出现。' };
    const once: Note = { id: 'once', title: '记录', text: '焦虑出现过一次，其余时间平稳。' };
    expect(ids(indexOf(once, often), '焦虑')).toEqual(['often', 'once']);
  });

  it('orders equal hits newest first', () => {
    const older: Note = { id: 'older', title: '记录', text: '讨论了家庭关系。', at: 1 };
    const newer: Note = { id: 'newer', title: '记录', text: '讨论了家庭关系。', at: 2 };
    expect(ids(indexOf(older, newer), '家庭')).toEqual(['newer', 'older']);
  });

  it('counts every match but returns at most the limit', () => {
    const notes = Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      title: '记录',
      text: `第${i}次会谈，讨论睡眠。`,
    }));
    const result = indexOf(...notes).search('睡眠', 10);
    expect(result.total).toBe(30);
    expect(result.hits).toHaveLength(10);
  });
});

describe('queries', () => {
  it('finds nothing for punctuation alone, and does not throw', () => {
    expect(indexOf(sleep).search('，。!?').hits).toEqual([]);
    expect(parseQuery('  ')).toEqual([]);
  });

  it('reads a quoted phrase and loose words as separate clauses', () => {
    expect(parseQuery('"Panic Attack" night')).toEqual([
      { kind: 'phrase', text: 'panic attack', required: true },
      { kind: 'word', text: 'night', required: true },
    ]);
  });

  it('centres the snippet of a long note on its hits, and says it was clipped', () => {
    const long: Note = {
      id: 'long',
      title: '记录',
      text: `${'无关内容。'.repeat(60)}这里提到自伤念头。${'其他内容。'.repeat(60)}`,
    };
    const [hit] = indexOf(long).search('自伤').hits;
    expect(hit?.snippet.clippedStart).toBe(true);
    expect(hit?.snippet.clippedEnd).toBe(true);
    expect(snippetOf(hit)).toContain('这里提到[自伤]念头');
  });
});
