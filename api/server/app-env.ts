import type { OpenAPIHono } from '@hono/zod-openapi';
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

/** The Hono app type every route module registers on. */
export type App = OpenAPIHono<AppEnv>;
