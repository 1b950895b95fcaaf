import { defineMiddlewares } from '@medusajs/framework/http';

/**
 * The ledger's routes keep Medusa's body parser off: the client's handler
 * reads the raw bytes, checks size, JWT and body hash, then parses.
 */
export default defineMiddlewares({
  routes: [{ matcher: '/rest/V1/byte8/*', methods: ['GET', 'POST', 'PUT', 'DELETE'], bodyParser: false }],
});
