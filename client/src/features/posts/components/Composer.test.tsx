import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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
});
