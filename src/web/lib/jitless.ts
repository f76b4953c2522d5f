// The app runs under a Content-Security-Policy without 'unsafe-eval' (src/server/security/
// headers.ts). zod, which the app's shared domain schemas use, compiles its object parsers with
// new Function() where it may, and probes whether it may by trying: the browser refuses and
// reports a violation each time. Told up front that it may not, it never tries. Imported first
// by main.tsx, before any schema parses.
import { config } from 'zod';

config({ jitless: true });
