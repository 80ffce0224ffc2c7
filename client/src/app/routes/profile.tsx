import { useParams } from 'react-router';
import { ProfilePage as Profile } from '../../features/profiles';

export function ProfilePage() {
  const { username = '' } = useParams();
  return <Profile key={username} username={username} />;
}
