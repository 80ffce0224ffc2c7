// The moderation feature's public entry: other features and app/ import from here only.
export { AppealsPanel } from './components/AppealsPanel';
export { LabelsPanel } from './components/LabelsPanel';
export { LogList } from './components/LogList';
export { ModerationQueue } from './components/ModerationQueue';
export { PostModerationTools } from './components/PostModerationTools';
export { SuspensionNotice } from './components/SuspensionNotice';
export { SuspensionsPanel } from './components/SuspensionsPanel';
export { WatchedWordsPanel } from './components/WatchedWordsPanel';
export { WeeklySummary } from './components/WeeklySummary';
export { useModerationStream } from './use-moderation-stream';
