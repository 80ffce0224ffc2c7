import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { RealtimeProvider } from '../lib/realtime';
import { FakeSocket } from './fake-socket';

/** Renders with the app's providers; `routes` answers fetch by "METHOD /api/path" (prefix match). */
export function renderWithApp(
  ui: ReactElement,
  routes: Record<string, (body: unknown) => { status: number; body?: unknown }>,
) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const path = url.replace(/^\/api/, '');
      const body = init.body ? JSON.parse(init.body as string) : undefined;
      calls.push({ method, path, body });
      const route = Object.keys(routes).find((key) => `${method} ${path}`.startsWith(key));
      const answer = route ? routes[route](body) : { status: 404, body: { statusCode: 404, message: 'Not Found' } };
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  const socket = new FakeSocket();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <RealtimeProvider socket={socket as never}>
        <MemoryRouter>{ui}</MemoryRouter>
      </RealtimeProvider>
    </QueryClientProvider>,
  );
  return { ...view, calls, socket, client };
}
