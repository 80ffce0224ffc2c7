// The profiles feature's public entry: a person's page.
export { ProfilePage } from './components/ProfilePage';
