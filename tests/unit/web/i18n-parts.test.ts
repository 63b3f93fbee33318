import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coreZhCN } from '../../../web/src/lib/i18n/core.zh-CN';
import { type DictionaryPart, dictionaryParts } from '../../../web/src/lib/i18n/parts';

/**
 * Each page loads the core dictionary and the parts it names (lazyPage in web/src/lib/i18n), and
 * nothing renders before its words. This reads the source as the bundler splits it: a page's
 * chunk is its module with everything it imports; the first screen is web/src/main.tsx with
 * everything it imports, and what that loads lazily without lazyPage. Every message key such code
 * names — a literal, or the start of a template (`cases.status.${status}`) — must be in the core
 * or in one of the parts its page names. The booking widget (web/src/widget/main.tsx) is an entry
 * of its own, whose I18nProvider names the parts it shows.
 */

const WEB = resolve(import.meta.dirname, '../../../web/src');
const I18N = join(WEB, 'lib/i18n');
const PART_NAMES = Object.keys(dictionaryParts) as DictionaryPart[];

/** Which dictionary holds each key: 'core' or a part's name. */
const home = new Map<string, DictionaryPart | 'core'>();

interface SourceModule {
  imports: string[];
  lazyImports: string[];
  /** Modules loaded by lazyPage, with the parts each names. */
  pages: { module: string; parts: string[] }[];
  keys: Set<string>;
}

function resolveModule(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate),
  );
  return found ?? null;
}

const modules = new Map<string, SourceModule>();
function read(file: string): SourceModule {
  const known = modules.get(file);
  if (known) return known;
  const source = readFileSync(file, 'utf8');
  const resolveAll = (matches: Iterable<RegExpMatchArray>) =>
    [...matches].map((m) => resolveModule(file, m[1] as string)).filter((m): m is string => m !== null);
  const pages = [...source.matchAll(/lazyPage\(\s*\[([^\]]*)\],\s*\(\)\s*=>\s*import\('([^']+)'\)/g)].map(
    (m) => ({
      module: resolveModule(file, m[2] as string) ?? `${file}: cannot resolve ${m[2]}`,
      parts: [...(m[1] as string).matchAll(/'([^']+)'/g)].map((part) => part[1] as string),
    }),
  );
  const calls = source.match(/\blazyPage\(/g)?.length ?? 0;
  if (!file.startsWith(I18N) && calls !== pages.length)
    throw new Error(`${relative(WEB, file)}: write lazyPage(['part', …], () => import('./Page')…)`);
  const keys = new Set<string>();
  for (const m of source.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
    const text = (m[1] ?? m[2] ?? m[3]) as string;
    const hole = text.indexOf('${');
    if (hole < 0) {
      if (home.has(text)) keys.add(text);
    } else if (text.slice(0, hole).includes('.')) {
      const start = text.slice(0, hole);
      for (const key of home.keys()) if (key.startsWith(start)) keys.add(key);
    }
  }
  const pageModules = new Set(pages.map((page) => page.module));
  const module: SourceModule = {
    imports: resolveAll(source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)).concat(
      resolveAll(source.matchAll(/^import\s+'([^']+)'/gm)),
    ),
    lazyImports: resolveAll(source.matchAll(/import\(\s*'([^']+)'\s*\)/g)).filter((m) => !pageModules.has(m)),
    pages,
    keys,
  };
  modules.set(file, module);
  return module;
}

/** A chunk's modules: static imports, and lazy ones that are not pages of their own. */
function chunkOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const next = [entry];
  for (let file = next.pop(); file !== undefined; file = next.pop()) {
    // The dictionaries are data: their chunks are the parts themselves.
    if (seen.has(file) || file.startsWith(I18N)) continue;
    seen.add(file);
    const module = read(file);
    next.push(...module.imports, ...module.lazyImports);
  }
  return seen;
}

/** Keys the chunk's code names that are neither in the core nor in the given parts. */
function missingWords(chunk: Set<string>, parts: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const file of chunk)
    for (const key of read(file).keys) {
      const where = home.get(key) as string;
      if (where !== 'core' && !parts.includes(where))
        missing.add(`${where}: ${key} (${relative(WEB, file)})`);
    }
  return [...missing].sort();
}

function allPages(): { module: string; parts: string[] }[] {
  const found = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !path.startsWith(I18N))
        for (const page of read(path).pages) found.set(page.module, page.parts);
    }
  };
  walk(WEB);
  return [...found].map(([module, parts]) => ({ module, parts }));
}

beforeAll(async () => {
  for (const key of Object.keys(coreZhCN)) home.set(key, 'core');
  for (const part of PART_NAMES)
    for (const key of Object.keys(await dictionaryParts[part]['zh-CN']())) {
      expect(home.get(key), `${key} is in two dictionaries`).toBeUndefined();
      home.set(key, part);
    }
});

describe('the dictionary parts', () => {
  it('give each entry and what it loads by itself words of the core and the parts its provider names', () => {
    for (const entry of ['main.tsx', 'widget/main.tsx']) {
      const source = readFileSync(join(WEB, entry), 'utf8');
      const named = /<I18nProvider parts=\{\[([^\]]*)\]\}>/.exec(source)?.[1] ?? '';
      const parts = [...named.matchAll(/'([^']+)'/g)].map((part) => part[1] as string);
      expect(missingWords(chunkOf(join(WEB, entry)), parts), entry).toEqual([]);
    }
  });

  it('give every lazily loaded page the words it uses, from the parts it names', () => {
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      expect(
        page.parts.filter((part) => !(PART_NAMES as string[]).includes(part)),
        page.module,
      ).toEqual([]);
      expect(missingWords(chunkOf(page.module), page.parts), relative(WEB, page.module)).toEqual([]);
    }
  });
});
