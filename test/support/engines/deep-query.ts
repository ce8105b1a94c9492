// The in-page half of the engine drivers: finds an element by role and name, by label or by text
// through every open shadow root, as a user would see it. Plain source text, evaluated by each
// driver in the page (tsx would add helpers to a compiled function that the page does not have).

/** A name or text: a string matches the whole (trimmed, whitespace collapsed), a RegExp anywhere. */
export type Text = string | RegExp;

/** What a patient looks for on the screen. */
export type Target =
  | { role: 'button' | 'heading' | 'link' | 'dialog' | 'textbox'; name?: Text }
  | { label: Text }
  | { text: Text }
  | { css: string };

/** A target in the JSON form the page gets; `within` is a CSS selector in the top document. */
export interface Query {
  role?: string;
  name?: { exact: string } | { source: string; flags: string };
  label?: { exact: string } | { source: string; flags: string };
  text?: { exact: string } | { source: string; flags: string };
  css?: string;
  within?: string;
  /** Only elements that take a click: not disabled. */
  enabled?: boolean;
}

const text = (value: Text) =>
  typeof value === 'string' ? { exact: value } : { source: value.source, flags: value.flags };

export function toQuery(target: Target, within?: string): Query {
  const query: Query = within ? { within } : {};
  if ('role' in target) {
    query.role = target.role;
    if (target.name !== undefined) query.name = text(target.name);
  } else if ('label' in target) query.label = text(target.label);
  else if ('text' in target) query.text = text(target.text);
  else query.css = target.css;
  return query;
}

/** A readable form of a target, for timeouts. */
export function describeTarget(target: Target): string {
  if ('role' in target) return `${target.role} ${String(target.name ?? '')}`.trim();
  if ('label' in target) return `field labelled ${String(target.label)}`;
  if ('text' in target) return `text ${String(target.text)}`;
  return target.css;
}

/**
 * `(query) => Element | null`: the first visible element in document order (shadow trees
 * included) that matches. An expression, to be called with one argument.
 */
export const DEEP_QUERY = `(function (q) {
  var ROLES = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    link: 'a[href], [role="link"]',
    dialog: 'dialog, [role="dialog"], [role="alertdialog"]',
    textbox: 'input, textarea, [role="textbox"]'
  };
  var norm = function (s) { return (s || '').replace(/\\s+/g, ' ').trim(); };
  var matches = function (m, s) {
    s = norm(s);
    return 'exact' in m ? s === m.exact : new RegExp(m.source, m.flags).test(s);
  };
  var visible = function (el) {
    if (el.getClientRects().length === 0) return false;
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
  };
  var shown = function (node) {
    if (node.nodeType === 3) return node.textContent;
    if (node.nodeType !== 1 || node.getAttribute('aria-hidden') === 'true') return '';
    var text = '';
    for (var c = node.firstChild; c; c = c.nextSibling) text += shown(c);
    return text;
  };
  var nameOf = function (el) {
    var label = el.getAttribute('aria-label');
    if (label) return label;
    var ids = el.getAttribute('aria-labelledby');
    if (ids) {
      var root = el.getRootNode();
      return ids.split(/\\s+/).map(function (id) {
        var byId = root.getElementById ? root.getElementById(id) : null;
        return byId ? byId.textContent : '';
      }).join(' ');
    }
    if (el.tagName === 'INPUT') return el.value;
    return shown(el);
  };
  var all = [];
  var walk = function (root) {
    var els = root.querySelectorAll('*');
    for (var i = 0; i < els.length; i++) {
      all.push(els[i]);
      if (els[i].shadowRoot) walk(els[i].shadowRoot);
    }
  };
  var start = q.within ? document.querySelector(q.within) : document;
  if (!start) return null;
  if (start !== document) all.push(start);
  if (start.shadowRoot) walk(start.shadowRoot);
  walk(start);
  var found = null;
  for (var i = 0; i < all.length && !found; i++) {
    var el = all[i];
    if (q.css && el.matches(q.css)) found = el;
    else if (q.role && el.matches(ROLES[q.role]) && (!q.name || matches(q.name, nameOf(el)))) found = el;
    else if (q.label && el.tagName === 'LABEL' && matches(q.label, el.textContent)) {
      found = el.control || (el.htmlFor && el.getRootNode().getElementById(el.htmlFor));
    } else if (q.text && matches(q.text, el.textContent)) {
      var deeper = false;
      for (var c = el.firstElementChild; c && !deeper; c = c.nextElementSibling) {
        deeper = matches(q.text, c.textContent);
      }
      if (!deeper) found = el;
    }
    if (found && (!visible(found) || (q.enabled && (found.disabled ||
        found.getAttribute('aria-disabled') === 'true')))) found = null;
  }
  return found;
})`;

/** The page's text, shadow trees included (a step's statement: what was on the screen). */
export const DEEP_TEXT = `var parts = [];
  var walk = function (node) {
    for (var c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.textContent);
      else if (c.nodeType === 1 && !/^(STYLE|SCRIPT)$/.test(c.tagName)) {
        if (c.shadowRoot) walk(c.shadowRoot);
        walk(c);
      }
    }
  };
  walk(document.body);
  return parts.join(' ').replace(/\\s+/g, ' ').trim();`;
