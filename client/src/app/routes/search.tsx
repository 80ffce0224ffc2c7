import { useSearchParams } from 'react-router';
import { SearchPage as Search } from '../../features/search';

export function SearchPage() {
  const [params] = useSearchParams();
  // A new query from the header starts the form afresh.
  return <Search key={params.get('q') ?? ''} />;
}
