import { useParams } from 'react-router';
import { useMe } from '../../features/auth';
import { SessionConsole } from '../../features/sessions';

export function SessionConsolePage() {
  const { id = '' } = useParams();
  const me = useMe();
  if (me.isPending) return null;
  return <SessionConsole key={id} id={id} me={me.data ?? null} />;
}
