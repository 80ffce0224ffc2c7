// `npm start`: build what is missing, then run the server in this same process, so the signal a terminal
// or process manager sends to `npm start` reaches the server itself (no intermediate shell to orphan it).
import './ensure-built.mjs';

await import('../dist/src/main.js');
