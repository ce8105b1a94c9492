// Part of `npm run build` → dist/custom-elements.json: the elements, attributes, events, parts and custom
// properties documented by the JSDoc in src/ (test/e2e/manifest.test.ts checks it against the code).

/**
 * The widget's inner elements are defined with `@customElementOnce('pb-…')` (src/core/define.ts),
 * which the analyzer does not know: their tag names come from that decorator.
 */
function customElementOnceTags() {
  return {
    name: 'patient-booking:custom-element-once',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const decorator = (ts.getDecorators?.(node) ?? []).find(
        (d) =>
          ts.isCallExpression(d.expression) &&
          d.expression.expression.getText() === 'customElementOnce',
      );
      const tag = decorator?.expression.arguments[0];
      if (!tag || !ts.isStringLiteral(tag)) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      declaration.tagName = tag.text;
      declaration.customElement = true;
      (moduleDoc.exports ??= []).push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: declaration.name, module: moduleDoc.path },
      });
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [customElementOnceTags()],
};
