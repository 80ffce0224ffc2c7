// The auth feature's public entry: other features and app/ import from here only.
export { useMe, useSignOut } from './api/session';
export { AuthPage } from './components/AuthPage';
