// worker_threads cannot load a .ts entry under tsx on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so each
// worker starts here, registers tsx, and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./oc-worker.ts');
