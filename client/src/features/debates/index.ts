// The debates feature's public entry: other features and app/ import from here only.
export { useDebate, useDebates } from './api/get-debate';
export { localizedDebate } from './localized-debate';
