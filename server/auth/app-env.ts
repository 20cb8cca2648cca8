import type { HttpBindings } from '@hono/node-server';
import type { Principal } from './principal.js';

/** Typed context of every route: the Node request/response and the authenticated caller. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: { principal: Principal };
}
