import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs `first` handlers in order (the host's auth), then `last`. A handler
 * that answers (e.g. a 401) and never calls `next` stops the chain, so the
 * connector pages are only reached through the host's auth.
 */
export function composeHandlers(first: readonly RequestHandler[], last: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined) return next(error);
      const handler = index < first.length ? first[index++]! : index++ === first.length ? last : null;
      if (!handler) return next();
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
