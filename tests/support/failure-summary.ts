import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints every failure again as one line at the very end of the run. CI keeps only the tail of a
 * long log, and the first failure of a chain (e2e files share one organization) is the one that
 * explains the rest, so the whole list must fit in the last screen.
 */
export default class FailureSummary implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const lines: string[] = [];
    for (const testModule of testModules) {
      const file = `${testModule.project.name} ${testModule.relativeModuleId}`;
      for (const error of testModule.errors()) lines.push(`${file}: ${firstLine(error.message)}`);
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state !== 'failed') continue;
        lines.push(`${file} > ${test.fullName}: ${firstLine(result.errors[0]?.message)}`);
      }
    }
    for (const error of unhandledErrors) lines.push(`unhandled: ${firstLine(error.message)}`);
    if (lines.length === 0) return;
    process.stdout.write(`\nFailures in run order (${lines.length}):\n`);
    for (const [index, line] of lines.entries()) process.stdout.write(`${index + 1}. ${line}\n`);
  }
}

function firstLine(message: string | undefined): string {
  return (message ?? 'no message').split('\n')[0]?.slice(0, 240) ?? '';
}
