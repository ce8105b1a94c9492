// Part of `npm run build` → dist/custom-elements.json: the elements, attributes, events, parts and custom
// properties documented by the JSDoc in src/.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
};
