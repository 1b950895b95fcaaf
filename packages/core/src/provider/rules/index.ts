export { invoiceCreatedRule } from './invoice-created.js';
export { invoicePaidRule } from './invoice-paid.js';
export { creditMemoCreatedRule } from './credit-memo-created.js';
export { customerUpsertedRule } from './customer-upserted.js';
export { productUpsertedRule, stockUpsertedRule } from './product-upserted.js';
export { salesEventRules, catalogEventRules } from './event-rule-sets.js';
