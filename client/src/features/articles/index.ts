// The articles feature's public entry: other features and app/ import from here only.
export { useMainArticle } from './api/get-article';
