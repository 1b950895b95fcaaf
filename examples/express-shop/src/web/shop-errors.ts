import { html } from '@byte8/adapter-express';
import type { Logger } from '@byte8/core';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { shopPage } from './shop-layout.js';

/** A small icon, so browsers stop asking for `/favicon.ico` in vain. */
export const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#234"/><text x="8" y="12" font-size="10" text-anchor="middle" fill="#fff" font-family="sans-serif">8</text></svg>';

export const favicon: RequestHandler = (_req, res) => {
  res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON);
};

/** Anything no route answered: a page that says so. */
export function notFound(adminPath: string): RequestHandler {
  return (_req, res) => {
    res.status(404).type('html').send(shopPage('Not found', html`<p role="alert">There is no such page.</p><p><a href="/">Back to the shop</a></p>`, adminPath));
  };
}

/**
 * The last handler: a request the body parser refused (too large, malformed)
 * is a 4xx with its reason; anything else is logged and answered with a
 * plain 500 page. Never a stack trace to the browser.
 */
export function shopErrors(adminPath: string, logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) logger.error({ method: req.method, path: req.path, error: error instanceof Error ? error.message : String(error) }, 'shop: request failed');
    const message =
      status === 413 ? 'The form is too large.' : status < 500 && error?.expose ? `The request was refused: ${error.message}.` : status < 500 ? 'The request was refused.' : 'Something went wrong on our side; nothing was saved. Try again.';
    if (res.headersSent) return;
    res.status(status).type('html').send(shopPage(status < 500 ? 'Request refused' : 'Error', html`<p class="error" role="alert">${message}</p><p><a href="/">Back to the shop</a></p>`, adminPath));
  };
}
