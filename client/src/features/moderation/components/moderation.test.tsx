import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import type { Post, QueueItem } from '../../../lib/api/types';
import i18n from '../../../lib/i18n';
import { aPost } from '../../../test/posts';
import { renderWithApp } from '../../../test/render';
import { useModerationStream } from '../use-moderation-stream';
import { Thread, ThreadProvider } from '../../posts';
import { FlagButton } from './FlagButton';
import { PostModerationTools } from './PostModerationTools';
import { ModerationQueue } from './ModerationQueue';

const POST = aPost({
  author: { id: 'u-1', username: 'ada', displayName: 'Ada' },
  body: 'This clip shows the senator saying it.',
  stance: 'pro',
});

function item(id: string, overrides: Partial<Post> = {}): QueueItem {
  return {
    id,
    state: 'open',
    post: { ...POST, id: `post-${id}`, ...overrides },
    debate: { id: 'd1', question: 'Should AI video carry a label?' },
    parent: null,
    flags: [
      {
        id: `f-${id}`,
        reason: 'synthetic_media',
        note: 'Lips do not match',
        createdAt: POST.createdAt,
        user: { id: 'u-2', username: 'bo', displayName: 'Bo' },
      },
    ],
    causes: [{ kind: 'flags' }],
    author: {
      id: 'u-1',
      username: 'ada',
      displayName: 'Ada',
      role: 'participant',
      createdAt: POST.createdAt,
      suspendedUntil: null,
      hides: 2,
      deletions: 0,
      labels: 0,
      suspensions: 1,
    },
    openedAt: POST.createdAt,
    resolvedAt: null,
    resolution: null,
    resolutionReason: null,
    resolvedBy: null,
  };
}

afterEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

describe('FlagButton', () => {
  it('opens a dialog with the reasons, sends the flag with its note, and shows it was flagged', async () => {
    const { calls } = renderWithApp(<FlagButton post={POST} />, {
      'POST /posts/p1/flags': () => ({ status: 201, body: { id: 'f1', reason: 'synthetic_media', note: 'x' } }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Flag' }));
    const dialog = screen.getByRole('dialog', { name: 'Flag this post' });
    const send = within(dialog).getByRole('button', { name: 'Send flag' });
    expect(send).toBeDisabled();
    const reasons = within(dialog).getByRole('radiogroup', { name: 'Reason' });
    expect(within(reasons).getAllByRole('radio')).toHaveLength(9);
    await user.click(within(reasons).getByRole('radio', { name: 'Manipulated or AI-generated media' }));
    await user.type(within(dialog).getByLabelText('Note'), 'The lips do not match the audio.');
    await user.click(send);
    await screen.findByRole('button', { name: 'Flagged' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({
      reason: 'synthetic_media',
      note: 'The lips do not match the audio.',
    });
  });

  it('closes on Escape and gives the focus back to Flag', async () => {
    renderWithApp(<FlagButton post={POST} />, {});
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Flag' }));
    expect(within(screen.getByRole('dialog')).getAllByRole('radio')[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Flag' })).toHaveFocus();
  });

  it('says in German why a second flag is refused', async () => {
    await act(() => i18n.changeLanguage('de'));
    renderWithApp(<FlagButton post={POST} />, {
      'POST /posts/p1/flags': () => ({
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          code: 'already_flagged',
          message: 'You have flagged this post already.',
        },
      }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Melden' }));
    await user.click(screen.getByRole('radio', { name: 'Spam' }));
    await user.click(screen.getByRole('button', { name: 'Meldung senden' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Du hast diesen Beitrag schon gemeldet');
    expect(alert).not.toHaveTextContent('You have');
  });
});

describe('ErrorAlert', () => {
  it('puts a suspension in the reader’s language with its end and reason, and an unknown code in words for its status', async () => {
    await act(() => i18n.changeLanguage('de'));
    const suspended = new ApiError(403, ['Your account is suspended until …'], {
      code: 'suspended',
      suspendedUntil: '2026-12-24T18:00:00.000Z',
      reason: 'Spam',
    });
    const { rerender } = renderWithApp(<ErrorAlert error={suspended} />, {});
    expect(screen.getByRole('alert')).toHaveTextContent(/Dein Konto ist bis .*2026.* gesperrt\. Begründung: Spam/);
    // Never the server's English in the German page: a code without words of its own is said by its status.
    rerender(<ErrorAlert error={new ApiError(409, ['Something new.'], { code: 'brand_new' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Das passt nicht mehr zum aktuellen Stand.');
  });
});

/** The queue as the moderation page holds it: live through the moderation stream. */
function LiveQueue() {
  useModerationStream();
  return <ModerationQueue />;
}

describe('ModerationQueue', () => {
  it('shows each item with its causes, flags and author history; every action needs a reason and sends it', async () => {
    const { calls } = renderWithApp(<ModerationQueue />, {
      'GET /moderation/queue?state=open': () => ({
        status: 200,
        body: { items: [item('i1')], nextCursor: null, openCount: 1 },
      }),
      'POST /moderation/posts/post-i1/actions': () => ({ status: 200, body: POST }),
      'GET /moderation/queue?state=resolved': () => ({
        status: 200,
        body: { items: [], nextCursor: null, openCount: 0 },
      }),
    });
    expect(screen.getByRole('heading', { name: 'Moderation queue' })).toBeInTheDocument();
    const card = await screen.findByRole('article');
    expect(card).toHaveTextContent('Flagged by readers');
    expect(card).toHaveTextContent('Manipulated or AI-generated media, by Bo');
    expect(card).toHaveTextContent('hidden before: 2');
    const buttons = ['Approve', 'Hide', 'Restore', 'Delete', 'Dismiss'].map((name) =>
      within(card).getByRole('button', { name }),
    );
    buttons.forEach((button) => expect(button).toBeDisabled());
    const user = userEvent.setup();
    await user.type(within(card).getByLabelText('Reason'), 'Generated footage presented as real');
    await user.click(within(card).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({
      itemId: 'i1',
      action: 'hide',
      reason: 'Generated footage presented as real',
    });
  });

  it('adds and removes items as queue.updated arrives', async () => {
    const { socket } = renderWithApp(<LiveQueue />, {
      'GET /moderation/queue?state=open': () => ({
        status: 200,
        body: { items: [item('i1')], nextCursor: null, openCount: 1 },
      }),
    });
    const join = await waitFor(() => socket.lastRequest('moderation:join')!);
    join.resolve({ ok: true, seq: 4, presence: { count: 1 }, missed: [] });
    await screen.findByRole('article');
    act(() =>
      socket.deliver('queue.updated', {
        type: 'queue.updated',
        stream: 'moderation',
        seq: 5,
        data: {
          itemId: 'i2',
          postId: 'post-i2',
          state: 'open',
          item: item('i2', { body: 'A second one' }),
          openCount: 2,
        },
      }),
    );
    await screen.findByText('A second one');
    expect(screen.getByText('2 items waiting')).toBeInTheDocument();
    act(() =>
      socket.deliver('queue.updated', {
        type: 'queue.updated',
        stream: 'moderation',
        seq: 6,
        data: { itemId: 'i1', postId: 'post-i1', state: 'resolved', item: null, openCount: 1 },
      }),
    );
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByText('1 item waiting')).toBeInTheDocument();
  });
});

describe('posts in a thread', () => {
  const ME = {
    id: 'u-1',
    username: 'ada',
    displayName: 'Ada',
    role: 'participant' as const,
    suspendedUntil: null,
    suspensionReason: null,
    createdAt: POST.createdAt,
  };

  function thread(posts: Post[], me: typeof ME | null) {
    return renderWithApp(
      <ThreadProvider locked={false} postTools={(post) => <PostModerationTools post={post} me={me} />}>
        <Thread debateId="d1" me={me} sections={[]} />
      </ThreadProvider>,
      {
        'GET /debates/d1/posts?sort=top': () => ({ status: 200, body: { items: posts, nextCursor: null } }),
        'GET /appeals/mine': () => ({ status: 200, body: { items: [], nextCursor: null } }),
        'POST /appeals': (body) => ({
          status: 201,
          body: { id: 'a1', state: 'open', ...(body as object), decisionReason: null, appealedAction: 'hide' },
        }),
      },
    );
  }

  it('shows its author a hidden post marked with the reason, and lets them appeal', async () => {
    const { calls } = thread(
      [{ ...POST, status: 'hidden', statusReason: { cause: 'moderator', note: 'Personal attack' } }],
      ME,
    );
    const article = await screen.findByRole('article');
    expect(article).toHaveTextContent('A moderator hid it: Personal attack');
    const user = userEvent.setup();
    await user.click(await within(article).findByRole('button', { name: 'Appeal' }));
    const dialog = screen.getByRole('dialog', { name: 'Appeal this decision' });
    await user.type(within(dialog).getByLabelText('Why should the decision be reversed?'), 'It criticised the claim.');
    await user.click(within(dialog).getByRole('button', { name: 'Send appeal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({
      targetType: 'post',
      targetId: 'p1',
      message: 'It criticised the claim.',
    });
  });

  it('offers Appeal on its author’s posts held pending for any cause, and on their post a moderator deleted', async () => {
    const pending = (id: string, cause: string) => ({
      ...POST,
      id,
      body: `Held: ${cause}`,
      status: 'pending' as const,
      statusReason: { cause, note: null },
    });
    const tombstone = {
      ...POST,
      id: 'p-del',
      author: null,
      body: '',
      status: 'deleted' as const,
      mine: true,
      statusReason: { cause: 'moderator', note: 'Off topic' },
    };
    thread([pending('p-pre', 'premoderated'), pending('p-new', 'new_account'), tombstone], ME);
    const articles = await screen.findAllByRole('article');
    expect(articles).toHaveLength(3);
    for (const article of articles) {
      expect(await within(article).findByRole('button', { name: 'Appeal' })).toBeInTheDocument();
    }
    expect(articles[2]).toHaveTextContent('A moderator deleted your post: Off topic');
  });

  it('offers nothing on a tombstone that is not the reader’s, nor on one they deleted themselves', async () => {
    const tombstone = { ...POST, author: null, body: '', status: 'deleted' as const, statusReason: null };
    thread(
      [
        { ...tombstone, mine: false },
        { ...tombstone, id: 'p-own', mine: true },
      ],
      ME,
    );
    const articles = await screen.findAllByRole('article');
    expect(articles).toHaveLength(2);
    for (const article of articles) expect(within(article).queryByRole('button')).toBeNull();
  });

  it('shows everyone a label under the post with its evidence, and Flag to signed-in readers of others’ posts', async () => {
    const label = {
      kind: 'manipulated_media' as const,
      note: 'Generated with a text-to-video model.',
      sourceUrl: 'https://example.org/check',
      createdAt: POST.createdAt,
    };
    thread([{ ...POST, label }], { ...ME, id: 'u-9' });
    const article = await screen.findByRole('article');
    const note = within(article).getByRole('complementary', { name: 'Label from the moderators' });
    expect(note).toHaveTextContent('Manipulated or AI-generated media — Generated with a text-to-video model.');
    expect(within(note).getByRole('link', { name: 'See the evidence' })).toHaveAttribute('href', label.sourceUrl);
    expect(within(article).getByRole('button', { name: 'Flag' })).toBeInTheDocument();
  });
});
