// The sessions feature's public entry: app/ imports from here only.
export { ParticipantView, JoinByCode } from './components/ParticipantView';
export { ReportView } from './components/ReportView';
export { SessionConsole } from './components/SessionConsole';
export { SessionList } from './components/SessionList';
