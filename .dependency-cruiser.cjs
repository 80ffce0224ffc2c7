// Layers of the server (docs/ARCHITECTURE.md): config, database, common → events → features → realtime, app.
// Lower layers never import upper ones; a feature reaches another only through its exported services.
const FEATURES =
  '(auth|users|articles|debates|posts|moderation|sessions|participants|notifications|search|seed|health)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that need each other: move the rule into a pure function or listen for an event.',
      from: { path: '^src' },
      to: { circular: true, viaOnly: { pathNot: '\\.(events|entity)\\.ts$' } },
    },
    {
      name: 'base-knows-no-feature',
      severity: 'error',
      comment: 'config, database, common and events sit below every feature.',
      from: { path: '^src/(config|database|common|events)/' },
      to: { path: `^src/(${FEATURES.slice(1, -1)}|realtime)/` },
    },
    {
      name: 'realtime-knows-no-feature',
      severity: 'error',
      comment:
        'The gateway serves what features register in the SocketContract; it only needs auth to identify sockets.',
      from: { path: '^src/realtime/' },
      to: { path: `^src/${FEATURES}/`, pathNot: '^src/auth/' },
    },
    {
      name: 'features-never-see-sockets',
      severity: 'error',
      comment: 'Services append events; the realtime module alone sends to sockets.',
      from: { path: `^src/${FEATURES}/` },
      to: { path: '^src/realtime/' },
    },
    {
      name: 'no-foreign-repositories',
      severity: 'error',
      comment: "A module exports services, never repositories: call the other module's service.",
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/.+\\.repository\\.ts$', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    exclude: { path: '^(dist|client|test|bench)/' },
  },
};
