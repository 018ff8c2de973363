/** axe-core audits for the e2e tests: every violation printed, the serious ones returned. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface Finding {
  id: string;
  impact: string;
  nodes: number;
  help: string;
  /** The first few elements, so a failure says where to look. */
  targets: string[];
}

/** Audits the page as it is now and prints every violation with its impact and count. */
export async function audit(page: Page, view: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).analyze();
  const findings = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    nodes: v.nodes.length,
    help: v.help,
    targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
  }));
  const lines = findings.map(
    (f) => `  ${f.impact.padEnd(8)} ${f.id} (${f.nodes}): ${f.help} — ${f.targets.join(', ')}`,
  );
  console.log(`axe ${view}: ${findings.length} violations\n${lines.join('\n')}`);
  if (process.env.AXE_DETAIL) {
    for (const v of result.violations) {
      for (const n of v.nodes.slice(0, 4))
        console.log(`    ${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`);
    }
  }
  return findings;
}

export const blocking = (findings: readonly Finding[]) =>
  findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
