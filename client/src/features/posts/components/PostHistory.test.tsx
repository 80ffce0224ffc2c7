import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../../lib/api/types';
import { renderWithApp } from '../../../test/render';
import { PostHistory } from './PostHistory';

const post = {
  id: 'p1',
  debateId: 'd1',
  author: { id: 'u-author', username: 'ada', displayName: 'Ada' },
  body: 'Labels help a lot.',
  status: 'visible',
  editedAt: '2026-11-25T09:00:00.000Z',
} as Post;

describe('PostHistory', () => {
  it('opens the revisions newest first, each as a word-level diff, naming edits by moderators', async () => {
    renderWithApp(<PostHistory post={post} />, {
      'GET /posts/p1/revisions': () => ({
        status: 200,
        body: {
          items: [
            { body: 'Labels never help.', editedAt: '2026-11-25T08:00:00.000Z', editorId: 'u-author' },
            { body: 'Labels help.', editedAt: '2026-11-25T09:00:00.000Z', editorId: 'u-moderator' },
          ],
          nextCursor: null,
        },
      }),
    });
    await userEvent.setup().click(screen.getByRole('button', { name: '(edited)' }));
    const history = await screen.findByRole('region', { name: 'Edit history' });
    const [newest, oldest] = await within(history).findAllByRole('listitem');
    expect(newest).toHaveTextContent('by a moderator');
    expect(within(newest).getByLabelText('added: a lot')).toBeInTheDocument();
    expect(within(oldest).getByLabelText('removed: never')).toBeInTheDocument();
    expect(oldest).not.toHaveTextContent('by a moderator');
  });
});
