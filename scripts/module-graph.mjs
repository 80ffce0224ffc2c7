// Writes docs/MODULES.md: the server's module graph as dependency-cruiser reads it from the code (one node per
// folder of src/). CI regenerates it and fails when the committed file differs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const graph = execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
    'src',
    '--config',
    '.dependency-cruiser.cjs',
    '--include-only',
    '^src',
    '--collapse',
    '^src/[^/]+',
    '--output-type',
    'mermaid',
  ],
  { cwd: root, encoding: 'utf8' },
);
writeFileSync(
  join(root, 'docs/MODULES.md'),
  `# Module graph

Generated from the code by \`npm run docs:modules\` (dependency-cruiser); CI fails when it is stale. An arrow points
from a module to one it imports. The rules the graph must keep (lower layers never import upper ones, the realtime
module imports no feature, no module reads another's repository) are in \`.dependency-cruiser.cjs\` and run with
\`npm run lint\`.

\`\`\`mermaid
${graph.trim()}
\`\`\`
`,
);
