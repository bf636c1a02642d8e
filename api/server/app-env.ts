import type { Principal } from '../services/token-store.ts';
import type { Services } from './services.ts';

/** Hono context variables set by the middleware. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    services: Services;
  };
}
