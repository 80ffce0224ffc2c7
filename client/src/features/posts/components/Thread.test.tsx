import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../../lib/api/types';
import { aPost } from '../../../test/posts';
import { renderWithApp } from '../../../test/render';
import { ThreadProvider } from '../thread-context';
import { Thread as BareThread } from './Thread';

const DEBATE = '8a3c1f1e-0000-4000-8000-000000000001';
const me = {
  id: 'u-me',
  username: 'me',
  displayName: 'Me',
  role: 'participant' as const,
  suspendedUntil: null,
  suspensionReason: null,
  createdAt: '',
};

/** The thread as the debate page holds it (one composer at a time, lock state). */
function Thread(props: Parameters<typeof BareThread>[0] & { locked?: boolean }) {
  return (
    <ThreadProvider locked={props.locked ?? false}>
      <BareThread {...props} />
    </ThreadProvider>
  );
}

function post(overrides: Partial<Post>): Post {
  return aPost({
    debateId: DEBATE,
    author: { id: 'u-1', username: 'ada', displayName: 'Ada' },
    body: 'Hello',
    stance: 'pro',
    score: 2,
    myVote: 1,
    ...overrides,
  });
}

describe('Thread', () => {
  it('shows posts as articles with the named actions and the reader’s vote pressed', async () => {
    renderWithApp(<Thread debateId={DEBATE} me={me} sections={[]} />, {
      [`GET /debates/${DEBATE}/posts?sort=top`]: () => ({ status: 200, body: { items: [post({})], nextCursor: null } }),
    });
    const article = await screen.findByRole('article', { name: 'Ada' });
    expect(within(article).getByRole('button', { name: 'Upvote' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(article).getByRole('button', { name: 'Downvote' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(article).getByRole('button', { name: 'Reply' })).toBeEnabled();
    expect(within(article).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('renders Markdown, shows HTML as text and drops javascript: links', async () => {
    renderWithApp(<Thread debateId={DEBATE} me={null} sections={[]} />, {
      [`GET /debates/${DEBATE}/posts?sort=top`]: () => ({
        status: 200,
        body: {
          items: [post({ body: '**Bold** <script>window.pwned=1</script> [link](javascript:alert(1))' })],
          nextCursor: null,
        },
      }),
    });
    const article = await screen.findByRole('article');
    expect(within(article).getByText('Bold').tagName).toBe('STRONG');
    expect(article.querySelector('script')).toBeNull();
    expect(article.textContent).toContain('<script>window.pwned=1</script>');
    expect(within(article).getByText('link').getAttribute('href') ?? '').not.toMatch(/javascript:/);
  });

  it('withdraws a vote when the pressed button is pressed again', async () => {
    const { calls } = renderWithApp(<Thread debateId={DEBATE} me={me} sections={[]} />, {
      [`GET /debates/${DEBATE}/posts?sort=top`]: () => ({ status: 200, body: { items: [post({})], nextCursor: null } }),
      'PUT /posts/p1/vote': () => ({ status: 200, body: { score: 1, myVote: 0 } }),
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Upvote' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Upvote' })).toHaveAttribute('aria-pressed', 'false'),
    );
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ value: 0 });
  });

  it('shows a tombstone with its replies in place, and collapses replies past depth 4', async () => {
    const chain = (depth: number): Post & { replies: unknown[] } => ({
      ...post({
        id: `r${depth}`,
        parentId: depth === 1 ? 'p1' : `r${depth - 1}`,
        depth,
        stance: null,
        replyCount: depth < 6 ? 1 : 0,
        body: `Reply ${depth}`,
      }),
      replies: depth < 4 ? [chain(depth + 1)] : [],
    });
    renderWithApp(<Thread debateId={DEBATE} me={null} sections={[]} />, {
      [`GET /debates/${DEBATE}/posts?sort=top`]: () => ({
        status: 200,
        body: { items: [post({ status: 'deleted', body: '', author: null, replyCount: 1 })], nextCursor: null },
      }),
      [`GET /debates/${DEBATE}/tree?rootId=p1`]: () => ({
        status: 200,
        body: { ...post({ status: 'deleted', body: '', author: null }), replies: [chain(1)] },
      }),
    });
    expect(await screen.findByText('Reply 4')).toBeInTheDocument();
    expect(screen.getAllByText('This post was deleted.').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Show 1 more reply' })).toBeInTheDocument();
  });

  it('keeps replies outside their parent’s article and opens one composer at a time', async () => {
    const reply = { ...post({ id: 'r1', parentId: 'p1', depth: 1, stance: null, body: 'A reply' }), replies: [] };
    reply.author = { id: 'u-2', username: 'bo', displayName: 'Bo' };
    renderWithApp(<Thread debateId={DEBATE} me={me} sections={[]} />, {
      [`GET /debates/${DEBATE}/posts?sort=top`]: () => ({
        status: 200,
        body: { items: [post({ replyCount: 1 })], nextCursor: null },
      }),
      [`GET /debates/${DEBATE}/tree?rootId=p1`]: () => ({ status: 200, body: { ...post({}), replies: [reply] } }),
    });
    await screen.findByText('A reply');
    const parent = screen.getByRole('article', { name: 'Ada' });
    expect(within(parent).queryByText('A reply')).toBeNull();
    expect(within(parent).getAllByRole('button', { name: 'Reply' })).toHaveLength(1);
    const user = userEvent.setup();
    await user.click(within(parent).getByRole('button', { name: 'Reply' }));
    expect(within(parent).getByLabelText('Your argument')).toBeInTheDocument();
    const child = screen.getByRole('article', { name: 'Bo' });
    await user.click(within(child).getByRole('button', { name: 'Reply' }));
    expect(screen.getAllByLabelText('Your argument')).toHaveLength(1);
    expect(within(child).getByLabelText('Your argument')).toBeInTheDocument();
  });

  it('offers no Reply in a locked debate', async () => {
    renderWithApp(<Thread debateId={DEBATE} me={me} sections={[]} locked />, {
      [`GET /debates/${DEBATE}/posts?sort=top`]: () => ({ status: 200, body: { items: [post({})], nextCursor: null } }),
    });
    const article = await screen.findByRole('article', { name: 'Ada' });
    expect(within(article).queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(within(article).getByRole('button', { name: 'Upvote' })).toBeEnabled();
  });
});
