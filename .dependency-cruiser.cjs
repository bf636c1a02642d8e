/**
 * Layer rules, checked by `npm run lint:layers` (part of `npm test`):
 * models/ is pure and imports neither api/ nor web/; web/ talks to api/ only over HTTP;
 * nothing outside test/ imports test/; no import circles anywhere outside test/.
 * See docs/architecture.md.
 */
module.exports = {
  forbidden: [
    {
      name: 'models-stay-pure',
      comment: 'models/ runs unchanged in Node, worker threads and the browser: it imports neither api/ nor web/.',
      severity: 'error',
      from: { path: '^models/' },
      to: { path: '^(api|web)/' },
    },
    {
      name: 'web-talks-http',
      comment: 'web/ reaches the API over HTTP only; shared types come from models/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^api/' },
    },
    {
      name: 'no-test-imports-in-product',
      severity: 'error',
      from: { path: '^(models|api|web)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'Import circles make the layers unreadable; move the shared type into its own file.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { circular: true },
    },
    {
      name: 'no-node-builtins-in-models',
      comment: 'models/ does no I/O.',
      severity: 'error',
      from: { path: '^models/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
