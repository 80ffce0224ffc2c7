import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { Article, ArticleDetail, Page } from '../../../lib/api/types';

/** The forum is built around one article: the first one, with its sections and debates. */
export function useMainArticle() {
  return useQuery({
    queryKey: ['article', 'main'],
    queryFn: async () => {
      const { items } = await api<Page<Article>>('/articles?limit=1');
      return items.length > 0 ? api<ArticleDetail>(`/articles/${encodeURIComponent(items[0].slug)}`) : null;
    },
  });
}
