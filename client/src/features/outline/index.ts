// The outline feature's public entry: a debate's claims and their arguments as a keyboard-navigable tree.
export { outlineKey } from './api/debate-tree';
export { Outline } from './components/Outline';
