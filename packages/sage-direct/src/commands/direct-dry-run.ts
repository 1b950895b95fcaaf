import type { DirectCommand } from '@byte8/core';
import { DocumentError } from '../engine/delivery/document-error.js';
import type { PreviewKind } from '../engine/preview/preview-document.js';
import type { SageDirectConnection } from '../sage-direct-connection.js';

const KINDS: readonly PreviewKind[] = ['invoice', 'payment', 'creditmemo', 'customer', 'product'];

/** `byte8 sage direct:dry-run --invoice 42`: the Sage payloads of one document, posting nothing. */
export const directDryRunCommand: DirectCommand = {
  name: 'direct:dry-run',
  description: 'Print the Sage API calls one document would cause (payloads as JSON), without posting',
  options: KINDS.map((kind) => ({ flags: `--${kind} <id>`, description: kind === 'payment' ? 'the payment of this invoice id' : `a ${kind} id` })),
  async run(options, context) {
    const given = KINDS.filter((kind) => options[kind] !== undefined);
    if (given.length !== 1) {
      context.err(`direct:dry-run: give exactly one of ${KINDS.map((kind) => `--${kind}`).join(', ')}`);
      return 2;
    }
    const kind = given[0]!;
    const raw = String(options[kind]);
    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(id) || id < 1) {
      context.err(`direct:dry-run: --${kind} must be a positive integer id, got ${JSON.stringify(raw.slice(0, 40))}`);
      return 2;
    }
    const engine = (context.connection as SageDirectConnection).delivery;
    if (!engine) {
      context.err('direct:dry-run: this connection does not post documents (attach it with createByte8)');
      return 1;
    }
    try {
      context.out(JSON.stringify(await engine.preview(kind, id), null, 2));
      return 0;
    } catch (error) {
      if (error instanceof DocumentError) {
        context.err(`${error.code}: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
