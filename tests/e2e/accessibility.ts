/** axe-core in the page under test: what a screen-reader or keyboard user would trip over. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** The WCAG 2.1 A and AA rules, as axe-core tags them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical violations on the page as it is now. The script is evaluated through
 * the automation channel, which the app's strict CSP does not govern; the app itself is unchanged.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(source);
  const results = await page.evaluate(async (tags) => {
    const axe = (
      globalThis as never as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const run = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return run.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => String(node.target.join(' '))),
    }));
  }, WCAG_TAGS);
  return results.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

/** One line per finding, for a failure message a person can act on. */
export function describeFindings(where: string, findings: readonly AxeFinding[]): string[] {
  return findings.map(
    (finding) =>
      `${where}: ${finding.rule} (${finding.impact}) — ${finding.help} — ${finding.targets.join(', ')}`,
  );
}
