import { ledgerUrlPolicy } from '../transport/ledger-url-policy.js';

/** Tests pair with a simulator on 127.0.0.1: allowed explicitly, as a developer would. */
export const LOOPBACK_LEDGER = ledgerUrlPolicy({ allowedHosts: ['127.0.0.1'] });
