import { SearchIndex } from '../../core/search/index.js';
import type { BenchResult } from './crypto-bench.js';

/**
 * Issue 14's figure: search across 2,000 decrypted notes of ~2 KB of mixed Chinese and English,
 * as the search page does it — every note added to the in-memory index, then queries of the kinds
 * people type (a Chinese word, a Chinese phrase across word boundaries, an English prefix, a
 * quoted phrase, two words ANDed). Runs the same in Node and in Chromium (browser-entry.ts).
 * The text comes from a fixed-seed generator, so every run indexes the same notes.
 */

const ZH = [
  '来访者',
  '睡眠',
  '焦虑',
  '抑郁',
  '情绪',
  '家庭',
  '父母',
  '关系',
  '工作',
  '学业',
  '压力',
  '冲突',
  '评估',
  '风险',
  '自伤',
  '安全计划',
  '咨询',
  '目标',
  '认知',
  '行为',
  '放松训练',
  '呼吸',
  '练习',
  '作业',
  '反馈',
  '督导',
  '讨论',
  '回顾',
  '本周',
  '上次',
  '会谈',
  '明显',
  '改善',
  '加重',
  '症状',
  '注意力',
  '食欲',
  '社交',
  '回避',
  '恐惧',
  '惊恐',
  '发作',
  '记忆',
  '创伤',
  '哀伤',
  '丧失',
  '支持',
  '资源',
  '转介',
  '药物',
  '精神科',
  '医生',
  '建议',
  '继续',
  '观察',
  '计划',
  '下次',
  '约定',
  '时间',
  '同学',
  '老师',
  '伴侣',
];
const EN = [
  'client',
  'reports',
  'sleep',
  'anxiety',
  'panic',
  'attacks',
  'family',
  'conflict',
  'work',
  'stress',
  'session',
  'goals',
  'homework',
  'breathing',
  'exercise',
  'relaxation',
  'avoidance',
  'support',
  'referral',
  'medication',
  'review',
  'progress',
  'mood',
  'appetite',
  'trauma',
  'grief',
  'safety',
  'plan',
  'risk',
  'assessment',
  'cognitive',
  'behavioural',
  'therapy',
  'improved',
  'worse',
  'week',
];
const QUERIES = [
  '焦虑',
  '睡眠明显',
  '虑症',
  '安全计划',
  '惊恐发作',
  'pani',
  'Anxiety',
  '"panic attacks"',
  '家庭 conflict',
  '督导 讨论',
  'zzz',
  '创伤 哀伤 支持',
];

/** A small fixed-seed generator (mulberry32): benchmark text, not anything secret. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface BenchNote {
  id: string;
  title: string;
  text: string;
  at: number;
}

/** `count` notes of about `bytes` UTF-8 bytes each, mostly Chinese with English sentences. */
export function benchNotes(count: number, bytes = 2048): BenchNote[] {
  const next = generator(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const notes: BenchNote[] = [];
  const encoder = new TextEncoder();
  for (let n = 0; n < count; n++) {
    const sentences: string[] = [];
    let size = 0;
    while (size < bytes) {
      const sentence =
        next() < 0.8
          ? `${Array.from({ length: 4 + Math.floor(next() * 8) }, () => pick(ZH)).join('')}。`
          : `${Array.from({ length: 6 + Math.floor(next() * 10) }, () => pick(EN)).join(' ')}. `;
      sentences.push(sentence);
      size += encoder.encode(sentence).length;
    }
    notes.push({ id: `note-${n}`, title: '', text: sentences.join(''), at: n });
  }
  return notes;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function benchSearch(count = 2000, rounds = 10): BenchResult[] {
  const notes = benchNotes(count);
  const start = performance.now();
  const index = new SearchIndex<BenchNote>();
  for (const note of notes) index.add(note);
  const build = performance.now() - start;
  const samples: number[] = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      const begin = performance.now();
      found += index.search(query).total;
      samples.push(performance.now() - begin);
    }
  }
  if (found === 0) throw new Error('the search benchmark found nothing: the index is broken');
  return [
    { bench: `search-index-build-${count}-notes`, value: Math.round(build), unit: 'ms', target: 2000 },
    { bench: `search-query-median-${count}-notes`, value: round(median(samples)), unit: 'ms', target: 100 },
    {
      bench: `search-query-p95-${count}-notes`,
      value: round(percentile(samples, 0.95)),
      unit: 'ms',
      target: 500,
    },
  ];
}
