import { fileURLToPath } from 'node:url';

/** The repository root (the packages are packed from there; the apps live outside it). */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
