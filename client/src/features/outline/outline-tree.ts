import type { PostTreeNode } from '../../lib/api/types';

/** Supporting replies first, then challenging ones, then the rest: claims read with their arguments in order. */
const ORDER = { supports: 0, challenges: 1, none: 2 } as const;

export function orderedReplies(node: PostTreeNode): PostTreeNode[] {
  return [...node.replies]
    .filter((reply) => reply.status !== 'hidden')
    .sort((a, b) => ORDER[a.relation ?? 'none'] - ORDER[b.relation ?? 'none']);
}

/** The items a reader can reach now: top-level claims, and the replies of every expanded item, in reading order. */
export function visibleItems(
  roots: PostTreeNode[],
  expanded: Set<string>,
): { node: PostTreeNode; parent: string | null }[] {
  const items: { node: PostTreeNode; parent: string | null }[] = [];
  const walk = (nodes: PostTreeNode[], parent: string | null) => {
    for (const node of nodes) {
      items.push({ node, parent });
      if (expanded.has(node.id)) walk(orderedReplies(node), node.id);
    }
  };
  walk(
    roots.filter((root) => root.status !== 'hidden'),
    null,
  );
  return items;
}
