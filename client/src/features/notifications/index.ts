// The notifications feature's public entry: the header link (with the live personal stream) and the page.
export { NotificationsLink } from './components/NotificationsLink';
export { NotificationsPage } from './components/NotificationsPage';
