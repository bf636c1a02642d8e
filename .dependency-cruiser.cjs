/**
 * Layer rules, checked by `npm run lint:layers` (part of `npm test`):
 * models/ is pure and imports neither api/ nor web/; web/ talks to api/ only over HTTP;
 * nothing outside test/ imports test/; no import circles anywhere outside test/.
 * Inside models/ the flow points one way: case/ (schema) → formula/ (compiler) →
 * compile/ (validate and compile a case) → engine/ + wasm/ → analyses and the gate →
 * pipeline/ (the one entry). See docs/architecture.md.
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
      name: 'case-is-the-schema',
      comment:
        'models/case/ holds the case schema and its checks only: it reads its own files and the distribution spec (a zod leaf), nothing that compiles or runs.',
      severity: 'error',
      from: { path: '^models/case/' },
      to: { path: '^models/', pathNot: '^models/(case/|distributions/spec[.]ts$)' },
    },
    {
      name: 'formula-below-engine',
      comment: 'models/formula/ compiles formulas into a kernel; the engine, the analyses, the gate and the pipeline run it, so formula/ imports none of them.',
      severity: 'error',
      from: { path: '^models/formula/' },
      to: { path: '^models/(compile|engine|wasm|analysis|sensitivity|voi|gate|decision|pipeline)/' },
    },
    {
      name: 'compile-below-engine',
      comment: 'models/compile/ (validateCase, parseCase) checks and compiles a case: it reads case/, formula/ and the distributions, not what runs the model.',
      severity: 'error',
      from: { path: '^models/compile/' },
      to: { path: '^models/(engine|wasm|analysis|sensitivity|voi|gate|decision|pipeline)/' },
    },
    {
      name: 'engine-below-analyses',
      comment: 'models/engine/ and models/wasm/ simulate and summarise; the analyses, the gate and the pipeline build on them, never the other way.',
      severity: 'error',
      from: { path: '^models/(engine|wasm)/' },
      to: { path: '^models/(compile|analysis|sensitivity|voi|gate|decision|pipeline)/' },
    },
    {
      name: 'pipeline-is-the-entry',
      comment:
        'models/pipeline/ is the one entry the CLI, the job worker and the browser worker call; nothing else in models/ imports it (the contract may name its types).',
      severity: 'error',
      from: { path: '^models/', pathNot: '^models/(pipeline|contract)/' },
      to: { path: '^models/pipeline/' },
    },
    {
      name: 'actuals-is-numbers-only',
      comment:
        'models/actuals/ scores actuals against a forecast and conditions its stored trials: pure numbers on columns, built on stats/, math/, rng/ and the distributions, never on the case, the engine or the gate.',
      severity: 'error',
      from: { path: '^models/actuals/' },
      to: { path: '^models/', pathNot: '^models/(actuals|stats|math|rng|distributions)/' },
    },
    {
      name: 'evidence-is-a-leaf',
      comment:
        'models/evidence/ updates an input by its measurements: pure numbers on the case schema and the distributions, read by the compiler and the point estimate, so it imports nothing that compiles or runs.',
      severity: 'error',
      from: { path: '^models/evidence/' },
      to: { path: '^models/', pathNot: '^models/(evidence|case|distributions|math)/' },
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
