import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import type { Post } from '../../lib/api/types';

/** The one inline editor open in a thread: a reply to a post or an edit of it. */
export type InlineEditor = { postId: string; mode: 'reply' | 'edit' } | null;

interface ThreadState {
  editor: InlineEditor;
  setEditor(editor: InlineEditor): void;
  /** Replies are closed (a locked debate, for someone who is not a moderator). */
  locked: boolean;
  /** What the page adds to each post's actions (moderation: Flag, Appeal); the posts feature knows nothing of it. */
  postTools?: (post: Post) => ReactNode;
}

const ThreadContext = createContext<ThreadState | null>(null);

/**
 * One composer at a time, as in Discourse: opening a reply or an edit closes the other one and the page's own
 * composer steps aside, so there is always exactly one "Your argument" box. Drafts are kept (useDraft), so
 * closing a composer loses nothing.
 */
export function ThreadProvider({
  locked,
  postTools,
  children,
}: {
  locked: boolean;
  postTools?: (post: Post) => ReactNode;
  children: ReactNode;
}) {
  const [editor, setEditor] = useState<InlineEditor>(null);
  const value = useMemo(() => ({ editor, setEditor, locked, postTools }), [editor, locked, postTools]);
  return <ThreadContext.Provider value={value}>{children}</ThreadContext.Provider>;
}

export function useThread(): ThreadState {
  const thread = useContext(ThreadContext);
  if (!thread) throw new Error('useThread needs a ThreadProvider');
  return thread;
}
