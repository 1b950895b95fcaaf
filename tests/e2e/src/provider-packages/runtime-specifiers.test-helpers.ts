import ts from 'typescript';

/** A module a file loads when it runs, with the line it is loaded on. */
export interface RuntimeSpecifier {
  readonly specifier: string;
  readonly line: number;
  /** How: `import`, `export from`, `import()`, `require()`, `import =`. */
  readonly how: string;
}

/**
 * Every module specifier a TypeScript or JavaScript file loads at run time:
 * static imports and re-exports that are not `import type` / `export type`,
 * dynamic `import()`, `require()` and `import x = require()`. Under
 * `verbatimModuleSyntax` an `import { type A } from 'x'` still loads `x`, so
 * only a type-only clause counts as types. A computed specifier is reported
 * as `<computed>`.
 */
export function runtimeSpecifiers(fileName: string, text: string): RuntimeSpecifier[] {
  const kind = /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: RuntimeSpecifier[] = [];
  const add = (node: ts.Node, expression: ts.Expression | undefined, how: string) => {
    const specifier = expression && ts.isStringLiteralLike(expression) ? expression.text : '<computed>';
    found.push({ specifier, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, how });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly) add(node, node.moduleSpecifier, 'import');
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && !node.isTypeOnly) add(node, node.moduleSpecifier, 'export from');
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (!node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression, 'import =');
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'import()');
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) add(node, node.arguments[0], 'require()');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
