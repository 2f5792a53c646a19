// Small DOM helpers shared by the page's modules.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** A new element: `text` sets its text, other attributes are set as given (true: present,
 * false, null or undefined: left out); children are appended (falsy ones skipped). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A DOM id for a JSON Pointer (the browser tests use the same function). */
export const idFor = (path) => "f" + path.replace(/[^A-Za-z0-9_-]/g, (c) => "_" + c.charCodeAt(0).toString(16));
