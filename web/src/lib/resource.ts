import type { Resource } from 'solid-js';

/**
 * A resource's value, or `fallback` once it has failed: reading a failed resource throws, which
 * would take a whole page down for a secondary look-up (names, categories) that it can do without.
 */
export function valueOr<T>(resource: Resource<T>, fallback: T): T {
  return resource.state === 'errored' ? fallback : (resource() ?? fallback);
}
