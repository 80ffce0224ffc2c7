import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { Composer } from './Composer';

const DEBATE = '8a3c1f1e-0000-4000-8000-000000000001';
const created = (body: Record<string, unknown>) => ({
  status: 201,
  body: {
    id: 'p1',
    debateId: DEBATE,
    parentId: null,
    author: null,
    score: 0,
    replyCount: 0,
    depth: 0,
    status: 'visible',
    createdAt: new Date().toISOString(),
    editedAt: null,
    seq: 1,
    sectionId: null,
    quote: null,
    stance: null,
    ...body,
  },
});

describe('Composer', () => {
  it('posts the argument with its stance and a clientId, then clears the draft', async () => {
    const { calls } = renderWithApp(<Composer debateId={DEBATE} />, {
      [`POST /debates/${DEBATE}/posts`]: (body) => created(body as Record<string, unknown>),
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your argument'), 'Watermarks are stripped on re-upload.');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Stance' })).getByRole('radio', { name: 'Contra' }));
    await user.click(screen.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(screen.getByLabelText('Your argument')).toHaveValue(''));
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({
      body: 'Watermarks are stripped on re-upload.',
      stance: 'contra',
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('keeps the draft and shows why when the server refuses, and retries with the same clientId', async () => {
    let attempts = 0;
    const { calls } = renderWithApp(<Composer debateId={DEBATE} />, {
      [`POST /debates/${DEBATE}/posts`]: (body) =>
        ++attempts === 1
          ? {
              status: 429,
              body: {
                statusCode: 429,
                error: 'Too Many Requests',
                message: 'Slow mode: wait 42 s before posting again in this debate.',
                retryAfter: 42,
              },
            }
          : created(body as Record<string, unknown>),
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your argument'), 'Not lost.');
    await user.click(screen.getByRole('button', { name: 'Post' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Slow mode: wait 42 s');
    expect(alert).toHaveTextContent('Try again in 42 s.');
    expect(screen.getByLabelText('Your argument')).toHaveValue('Not lost.');
    await user.click(screen.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(screen.getByLabelText('Your argument')).toHaveValue(''));
    const [first, second] = calls
      .filter((call) => call.method === 'POST')
      .map((call) => (call.body as { clientId: string }).clientId);
    expect(second).toBe(first);
  });

  it('has no stance for a reply', () => {
    renderWithApp(<Composer debateId={DEBATE} parentId="p0" />, {});
    expect(screen.queryByRole('radiogroup', { name: 'Stance' })).toBeNull();
  });
});

describe('Composer drafts', () => {
  it('keep the text, stance and clientId when the composer closes and opens again', async () => {
    const { calls, unmount } = renderWithApp(<Composer debateId={DEBATE} />, {
      [`POST /debates/${DEBATE}/posts`]: (body) => created(body as Record<string, unknown>),
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your argument'), 'Half a thought');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Stance' })).getByRole('radio', { name: 'Pro' }));
    unmount();
    renderWithApp(<Composer debateId={DEBATE} />, {
      [`POST /debates/${DEBATE}/posts`]: (body) => created(body as Record<string, unknown>),
    });
    expect(screen.getByLabelText('Your argument')).toHaveValue('Half a thought');
    expect(screen.getByRole('radio', { name: 'Pro' })).toBeChecked();
    expect(calls).toEqual([]);
  });

  it('are kept apart per debate and per reply', async () => {
    renderWithApp(<Composer debateId={DEBATE} parentId="p0" />, {});
    await userEvent.setup().type(screen.getByLabelText('Your argument'), 'A reply draft');
    cleanup();
    renderWithApp(<Composer debateId={DEBATE} />, {});
    expect(screen.getByLabelText('Your argument')).toHaveValue('');
  });

  it('counts as the server does, keeps a paste over the limit and says why Post is disabled', async () => {
    renderWithApp(<Composer debateId={DEBATE} />, {});
    const box = screen.getByLabelText('Your argument');
    const post = screen.getByRole('button', { name: 'Post' });
    expect(post).toBeDisabled();
    expect(post).toHaveAccessibleDescription('Write your argument to post it.');
    const user = userEvent.setup();
    await user.type(box, '   two words   ');
    expect(screen.getByText('9 of 10,000 characters')).toBeInTheDocument();
    expect(post).toBeEnabled();
    await user.clear(box);
    await user.click(box);
    await user.paste('x'.repeat(10_002));
    expect(box).toHaveValue('x'.repeat(10_002));
    expect(screen.getByText('2 characters too many (at most 10,000)')).toBeInTheDocument();
    expect(post).toBeDisabled();
    expect(post).toHaveAccessibleDescription('Shorten it to 10,000 characters to post it.');
  });

  it('is a text box whose counter is read with it, and announced only as the limit comes near and is passed', async () => {
    renderWithApp(<Composer debateId={DEBATE} />, {});
    const box = screen.getByRole('textbox', { name: 'Your argument' });
    expect(box).toHaveAccessibleDescription(/0 of 10,000 characters/);
    expect(document.querySelector('[aria-live]')).toBeNull();
    const news = screen.getByRole('status');
    const user = userEvent.setup();
    await user.type(box, 'Short.');
    expect(news).toHaveTextContent('');
    await user.click(box);
    await user.paste('x'.repeat(8_994));
    expect(news).toHaveTextContent('Nearly at the limit: 1,000 characters left.');
    await user.type(box, 'yy');
    // Typing on near the limit says nothing new.
    expect(news).toHaveTextContent('Nearly at the limit: 1,000 characters left.');
    await user.paste('z'.repeat(1_000));
    expect(news).toHaveTextContent('Over the limit of 10,000 characters.');
    await user.clear(box);
    expect(news).toHaveTextContent('');
  });

  it('lets a reply say whether it supports or challenges its parent', async () => {
    const { calls } = renderWithApp(<Composer debateId={DEBATE} parentId="p0" />, {
      [`POST /debates/${DEBATE}/posts`]: (body) => created(body as Record<string, unknown>),
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your argument'), 'Not on every platform.');
    await user.click(
      within(screen.getByRole('radiogroup', { name: 'This reply…' })).getByRole('radio', { name: 'Challenges' }),
    );
    await user.click(screen.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')!.body).toMatchObject({
      parentId: 'p0',
      relation: 'challenges',
    });
  });

  it('suggests people as one types @ and inserts the chosen name', async () => {
    renderWithApp(<Composer debateId={DEBATE} />, {
      'GET /users/suggest?prefix=ad': () => ({
        status: 200,
        body: {
          items: [
            { id: 'u1', username: 'ada', displayName: 'Ada L.' },
            { id: 'u2', username: 'adam', displayName: 'Adam' },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    const box = screen.getByLabelText('Your argument');
    await user.type(box, 'Ask @ad');
    const list = await screen.findByRole('listbox', { name: 'People to mention' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['@ada Ada L.', '@adam Adam']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box).toHaveValue('Ask @adam ');
  });

  it('keeps an offline post and says it will be sent when the connection is back', async () => {
    const { socket } = renderWithApp(<Composer debateId={DEBATE} />, {});
    let online = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) =>
        online
          ? new Response(JSON.stringify(created(JSON.parse(init.body as string)).body), { status: 201 })
          : Promise.reject(new TypeError('Failed to fetch')),
      ),
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your argument'), 'Written on a train.');
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText(/You are offline. Your draft is kept/)).toBeInTheDocument();
    expect(screen.getByLabelText('Your argument')).toHaveValue('Written on a train.');
    online = true;
    socket.reconnect();
    await waitFor(() => expect(screen.getByLabelText('Your argument')).toHaveValue(''));
  });
});
