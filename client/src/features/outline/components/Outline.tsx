import { KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PostTreeNode } from '../../../lib/api/types';
import { permalink, RelationBadge, RelationCounts } from '../../posts';
import { useDebateTree } from '../api/debate-tree';
import { excerpt } from '../../../lib/excerpt';
import { orderedReplies, visibleItems } from '../outline-tree';

/**
 * A debate at a glance: its claims (top-level posts) with their supporting and challenging replies as a tree
 * (WAI-ARIA tree view). Arrows move, Right opens or goes in, Left closes or goes up, Home and End jump, `*` opens
 * every claim, Enter opens the post in the thread.
 */
export function Outline({ debateId }: { debateId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useDebateTree(debateId);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [current, setCurrent] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  if (tree.isPending) return <p>{t('outline.loading')}</p>;
  if (tree.isError) return <p role="alert">{t('errors.generic')}</p>;
  const roots = tree.data;
  if (roots.length === 0) return <p>{t('debate.empty')}</p>;
  const visible = visibleItems(roots, expanded);
  const focusedId = current && visible.some(({ node }) => node.id === current) ? current : visible[0].node.id;

  const moveTo = (id: string) => {
    setCurrent(id);
    items.current.get(id)?.focus();
  };
  const toggle = (id: string, open: boolean) =>
    setExpanded((now) => {
      const next = new Set(now);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent) => {
    const at = visible.findIndex(({ node }) => node.id === focusedId);
    const { node, parent } = visible[at];
    const hasReplies = orderedReplies(node).length > 0;
    const keys: Record<string, () => void> = {
      ArrowDown: () => at + 1 < visible.length && moveTo(visible[at + 1].node.id),
      ArrowUp: () => at > 0 && moveTo(visible[at - 1].node.id),
      Home: () => moveTo(visible[0].node.id),
      End: () => moveTo(visible[visible.length - 1].node.id),
      ArrowRight: () => {
        if (!hasReplies) return;
        if (!expanded.has(node.id)) toggle(node.id, true);
        else moveTo(orderedReplies(node)[0].id);
      },
      ArrowLeft: () => {
        if (hasReplies && expanded.has(node.id)) toggle(node.id, false);
        else if (parent) moveTo(parent);
      },
      '*': () => setExpanded((now) => new Set([...now, ...roots.map((root) => root.id)])),
      Enter: () => void navigate(permalink(node)),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const render = (nodes: PostTreeNode[], level: number) =>
    nodes.map((node, index) => {
      const replies = orderedReplies(node);
      const open = expanded.has(node.id);
      return (
        <li
          key={node.id}
          ref={(element) => {
            if (element) items.current.set(node.id, element);
            else items.current.delete(node.id);
          }}
          role="treeitem"
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={index + 1}
          aria-expanded={replies.length > 0 ? open : undefined}
          aria-selected={node.id === focusedId}
          tabIndex={node.id === focusedId ? 0 : -1}
          className="outline__item"
          onKeyDown={onKeyDown}
          onClick={(event) => {
            event.stopPropagation();
            setCurrent(node.id);
            if (replies.length > 0) toggle(node.id, !open);
          }}
        >
          <span className="outline__line">
            {node.stance && <span className={`badge badge--${node.stance}`}>{t(`stance.${node.stance}`)}</span>}
            <RelationBadge relation={node.relation} />
            <span className="outline__text">{node.status === 'deleted' ? t('post.deleted') : excerpt(node.body)}</span>
            <RelationCounts post={node} />
          </span>
          {open && replies.length > 0 && (
            <ul role="group" className="outline__group">
              {render(replies, level + 1)}
            </ul>
          )}
        </li>
      );
    });

  return (
    <section className="outline">
      <p className="hint">{t('outline.keys')}</p>
      <ul role="tree" aria-label={t('outline.label')}>
        {render(
          roots.filter((root) => root.status !== 'hidden'),
          1,
        )}
      </ul>
    </section>
  );
}
