// The layering of src/ (docs/architecture.md), checked by `npm run lint`: no import cycles (type-only
// imports count), views are leaves, the base layers import nothing above them, and only the
// loaders in src/lazy/ load code on demand.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Break a cycle with a contract file of types that both sides import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'views-are-leaves',
      comment:
        'Views get properties and send events; they never reach the controllers, the API or the ' +
        'element (types of the API and the decoded data are fine).',
      severity: 'error',
      from: { path: '^src/views/' },
      to: {
        path: '^src/(account|auth|booking|element|lazy|steps|embed|patient-booking)',
        pathNot: '^src/booking/steps\\.ts$',
      },
    },
    {
      name: 'views-use-api-types-only',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'base-layers',
      comment: 'time and core use nothing of the widget; api and i18n only time and core.',
      severity: 'error',
      from: { path: '^src/(time|core)/' },
      to: { path: '^src/', pathNot: '^src/(time|core)/' },
    },
    {
      name: 'api-and-i18n-are-below-the-flow',
      severity: 'error',
      from: { path: '^src/(api|i18n)/' },
      to: { path: '^src/(account|booking|element|lazy|steps|views|embed|patient-booking)' },
    },
    {
      name: 'lazy-loading-in-one-place',
      comment: 'import() only in src/lazy/load-*.ts, so the chunk map is one folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lazy/load-' },
      to: { dependencyTypes: ['dynamic-import'] },
    },
    {
      name: 'chunk-entries-through-their-loader',
      comment: "A chunk's entry imported statically would pull the chunk into the importer's file.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lazy/load-' },
      to: { path: '^src/lazy/(steps|account|login|pow-solver|dialog|sign-in)\\.ts$' },
    },
    {
      name: 'embed-stands-alone',
      comment: 'embed.js and embed-frame.js are small files of their own: no widget code in them.',
      severity: 'error',
      from: { path: '^src/embed/' },
      to: { path: '^src/', pathNot: '^src/(embed|contract|core)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
