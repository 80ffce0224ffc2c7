// `npm audit --omit=dev`: fails on any high or critical advisory for what the server ships. Where the registry
// offers no advisory service (a mirror, an offline cache) it says so in one line and does not fail, unless
// AUDIT_REQUIRED=1, since then nothing was checked rather than something found.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.message ?? report?.error?.summary ?? (run.stderr.trim().split('\n').pop() || 'no report');
  console.log(`npm audit: not checked, the registry answered: ${reason}`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (runtime dependencies): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
  if (entry.severity === 'high' || entry.severity === 'critical')
    console.log(`  ${entry.severity}: ${name} ${entry.range}`);
}
process.exit(serious > 0 ? 1 : 0);
