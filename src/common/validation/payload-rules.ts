/**
 * What every payload must be before a DTO sees it, over HTTP and sockets alike: bodies, socket messages, query
 * strings and path parameters. One walk, iterative so that no nesting can exhaust the stack.
 */

/** Deeper than any form this API takes (its deepest DTO is two levels), shallow enough for any recursion after. */
export const MAX_DEPTH = 32;

// With the u flag a surrogate pair is one code point, so only a surrogate standing alone matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Keys that would reach Object.prototype if a payload were ever merged into another object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first broken rule in `value`, as a message naming the field (`name`, or a path below it such as
 * `sectionIds[2]`), or null when the payload is clean.
 */
export function payloadProblem(value: unknown, name: string): string | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: name, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return `${path || 'the value'} ${problem}`;
      continue;
    }
    // Only what JSON, a query string or a path can carry; a class instance (the caller, a socket) is not a payload.
    if (!isPlain(current)) continue;
    if (depth >= MAX_DEPTH) return `${path || 'the body'} is nested more than ${MAX_DEPTH} levels deep`;
    for (const [key, child] of Object.entries(current)) {
      if (FORBIDDEN_KEYS.has(key)) return `The key "${key}" is not allowed in a request`;
      const keyProblem = textProblem(key);
      if (keyProblem) return `A field name ${keyProblem}`;
      const childPath = Array.isArray(current) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

/**
 * Text is stored and read back byte for byte, so it must be text PostgreSQL can hold exactly: no NUL (which
 * PostgreSQL refuses) and no lone UTF-16 surrogate (which has no UTF-8 form and would come back as U+FFFD).
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone surrogate)';
  return null;
}
