/** What differs between a sales invoice and a sales credit note; everything else is shared (c.6). */
export interface ArtefactKind {
  readonly resource: 'sales_invoices' | 'sales_credit_notes';
  readonly rootKey: 'sales_invoice' | 'sales_credit_note';
  readonly linesKey: 'invoice_lines' | 'credit_note_lines';
  /** Number series: `SI-1`, `CN-1` (c.8). */
  readonly series: 'SI' | 'CN';
  readonly numberField: 'invoice_number' | 'credit_note_number';
  readonly prefixField: 'invoice_number_prefix' | 'credit_note_number_prefix';
  readonly transactionType: 'SALES_INVOICE' | 'SALES_CREDIT_NOTE';
  /** What an error calls the document. */
  readonly label: string;
  /** Stock a line of a stock item moves: an invoice sells it, a credit note takes it back. */
  readonly stockDirection: -1 | 1;
  /** (c.8) an invoice needs an address; the rule is reported for invoices only. */
  readonly addressRequired: boolean;
  /** Header date fields besides `date` and their meaning. */
  readonly extraDate: 'due_date' | 'original_invoice_date';
  /** (c.7) texts beyond reference and notes. */
  readonly extraTexts: readonly (readonly [field: string, max: number])[];
}

export const SALES_INVOICE: ArtefactKind = {
  resource: 'sales_invoices',
  rootKey: 'sales_invoice',
  linesKey: 'invoice_lines',
  series: 'SI',
  numberField: 'invoice_number',
  prefixField: 'invoice_number_prefix',
  transactionType: 'SALES_INVOICE',
  label: 'Sales Invoice',
  stockDirection: -1,
  addressRequired: true,
  extraDate: 'due_date',
  extraTexts: [['terms_and_conditions', 2000]],
};

export const SALES_CREDIT_NOTE: ArtefactKind = {
  resource: 'sales_credit_notes',
  rootKey: 'sales_credit_note',
  linesKey: 'credit_note_lines',
  series: 'CN',
  numberField: 'credit_note_number',
  prefixField: 'credit_note_number_prefix',
  transactionType: 'SALES_CREDIT_NOTE',
  label: 'Sales Credit Note',
  stockDirection: 1,
  addressRequired: false,
  extraDate: 'original_invoice_date',
  extraTexts: [],
};
