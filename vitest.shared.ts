/**
 * Workspace packages export their TypeScript sources under the `source`
 * condition, so tests run against `src/` without a build step.
 */
export const sourceConditions = {
  resolve: { conditions: ['source', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'default'], externalConditions: ['node'] } },
};
