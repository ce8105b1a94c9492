/**
 * Lit's `@property` and `@state` for class fields, with TypeScript's `experimentalDecorators`
 * (the only kind this project compiles: `tsconfig.json`). Lit's own decorators also carry the
 * standard-decorator path, which every guest would download for nothing; these do what lit's do
 * for a legacy field decorator, through lit's public `createProperty`.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

/** A reactive property, like lit's `@property(options)` (on fields, not on accessors). */
export function property(options?: PropertyDeclaration) {
  return (proto: ReactiveElement, name: PropertyKey): void => {
    (proto.constructor as typeof ReactiveElement).createProperty(name, options);
  };
}

/** Internal reactive state, like lit's `@state()`: no attribute. */
export function state(options?: PropertyDeclaration) {
  return property({ ...options, state: true, attribute: false });
}
