import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs `first` handlers in order (the host's auth), then `last`. A handler
 * that answers (e.g. a 401) and never calls `next` stops the chain, so the
 * connector pages are only reached through the host's auth.
 */
export function composeHandlers(first: readonly RequestHandler[], last: RequestHandler): RequestHandler {
  const chain = [...first, last];
  return (request: Request, response: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined) {
        next(error);
        return;
      }
      const handler = chain[index++];
      if (!handler) {
        next();
        return;
      }
      try {
        const result = handler(request, response, handler === last ? next : step) as unknown;
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
