/**
 * Defining custom elements when the page may hold two copies of the bundle (the same file by two
 * URLs, or two versions: CMS plugins do that). The first copy's definitions win; the second copy
 * defines nothing and throws nothing. Every element of the widget should be defined this way.
 */

/** `customElements.define`, unless `name` is already defined. */
export function defineOnce(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}

/** Class decorator like lit's `@customElement(name)`, via {@link defineOnce}. */
export function customElementOnce(name: string) {
  return (constructor: CustomElementConstructor): void => defineOnce(name, constructor);
}
