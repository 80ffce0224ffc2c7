import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../features/auth';
import { JoinByCode, ParticipantView } from '../../features/sessions';

/** `/s/:code` follows a session; `/s` asks for the code. */
export function SessionJoinPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const me = useMe();
  if (me.isPending) return null;
  if (!code) {
    return (
      <>
        <h1>{t('sessions.join.heading')}</h1>
        <JoinByCode />
      </>
    );
  }
  return <ParticipantView key={code} code={code} me={me.data ?? null} />;
}
