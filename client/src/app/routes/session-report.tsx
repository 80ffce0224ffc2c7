import { useParams } from 'react-router';
import { ReportView } from '../../features/sessions';

export function SessionReportPage() {
  const { id = '' } = useParams();
  return <ReportView key={id} id={id} />;
}
