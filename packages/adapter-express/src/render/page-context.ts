import type { Provider } from '@byte8/core';

/** What every admin page needs to know about where it is served. */
export interface PageContext {
  /** Mount path of the admin router (`req.baseUrl`), no trailing slash. */
  readonly base: string;
  /** The double-submit token to put into every form. */
  readonly csrfToken: string;
  readonly providers: readonly Provider[];
  /** Heading of every page, e.g. `Byte8 connector`. */
  readonly title: string;
}
