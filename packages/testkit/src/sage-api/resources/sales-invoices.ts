import { artefactResource } from './artefacts/artefact-resource.js';
import { SALES_INVOICE } from './artefacts/artefact-kind.js';

/** `/sales_invoices` (c.5, c.6). */
export const salesInvoices = artefactResource(SALES_INVOICE);
