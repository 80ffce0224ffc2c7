// The search feature's public entry: the header's box and the results page.
export { SearchBox } from './components/SearchBox';
export { SearchPage } from './components/SearchPage';
