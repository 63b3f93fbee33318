import type { ThreadEntry } from '../../lib/conferences';

export interface ThreadNode {
  entry: ThreadEntry;
  replies: ThreadEntry[];
}

/** Top-level messages in order, each with every reply beneath it (a reply to a reply joins its root). */
export function threadsOf(entries: readonly ThreadEntry[]): ThreadNode[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const rootOf = (entry: ThreadEntry): ThreadEntry => {
    const seen = new Set<string>();
    let current = entry;
    while (current.ok && current.body.kind === 'message' && current.body.replyTo && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = byId.get(current.body.replyTo);
      if (!parent || parent.seq >= current.seq) break;
      current = parent;
    }
    return current;
  };
  const nodes = new Map<string, ThreadNode>();
  for (const entry of entries) {
    const root = rootOf(entry);
    if (root === entry) nodes.set(entry.id, { entry, replies: [] });
    else nodes.get(root.id)?.replies.push(entry);
  }
  return [...nodes.values()];
}
