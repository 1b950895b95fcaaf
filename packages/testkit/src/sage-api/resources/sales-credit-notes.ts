import { artefactResource } from './artefacts/artefact-resource.js';
import { SALES_CREDIT_NOTE } from './artefacts/artefact-kind.js';

/** `/sales_credit_notes` (c.5, c.6). */
export const salesCreditNotes = artefactResource(SALES_CREDIT_NOTE);
