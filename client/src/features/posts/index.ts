// The posts feature's public entry: other features and app/ import from here only.
export { applyStreamEvent, threadKeys } from './api/thread-cache';
export { Composer } from './components/Composer';
export { FocusedThread } from './components/FocusedThread';
export { RelationBadge, RelationCounts } from './components/RelationBadge';
export { Thread } from './components/Thread';
export { permalink } from './permalink';
export { ThreadProvider, useThread } from './thread-context';
