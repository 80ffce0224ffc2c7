import { useMe } from '../../features/auth';
import { SessionList } from '../../features/sessions';

export function SessionsPage() {
  const me = useMe();
  if (me.isPending) return null;
  return <SessionList me={me.data ?? null} />;
}
