import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { AuthPage } from '../features/auth';
import { DebatePage } from './routes/debate';
import { HomePage } from './routes/home';
import { SessionConsolePage } from './routes/session-console';
import { SessionJoinPage } from './routes/session-join';
import { SessionReportPage } from './routes/session-report';
import { SessionsPage } from './routes/sessions';
import { ModerationPage } from './routes/moderation';
import { TransparencyPage } from './routes/transparency';
import { NotFoundPage } from './routes/not-found';
import { NotificationsPage } from './routes/notifications';
import { ProfilePage } from './routes/profile';
import { RouteError } from './routes/route-error';
import { SearchPage } from './routes/search';
import { RealtimeProvider } from '../lib/realtime';
import { Layout } from './Layout';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        // Inside the layout, so a page that fails or is not found still has the header and a way back.
        errorElement: <RouteError />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/debates/:id', element: <DebatePage /> },
          { path: '/debates/:id/outline', element: <DebatePage view="outline" /> },
          { path: '/debates/:id/posts/:postId', element: <DebatePage view="post" /> },
          { path: '/login', element: <AuthPage key="login" mode="login" /> },
          { path: '/register', element: <AuthPage key="register" mode="register" /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/search', element: <SearchPage /> },
          { path: '/u/:username', element: <ProfilePage /> },
          { path: '/sessions', element: <SessionsPage /> },
          { path: '/sessions/:id/console', element: <SessionConsolePage /> },
          { path: '/sessions/:id/report', element: <SessionReportPage /> },
          { path: '/s', element: <SessionJoinPage /> },
          { path: '/s/:code', element: <SessionJoinPage /> },
          { path: '/moderation', element: <ModerationPage /> },
          { path: '/transparency', element: <TransparencyPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider>
        <RouterProvider router={router} />
      </RealtimeProvider>
    </QueryClientProvider>
  );
}
