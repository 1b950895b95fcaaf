/** A refusal an admin route answers with its status and message instead of a 500. */
export class AdminRequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'AdminRequestError';
  }
}
