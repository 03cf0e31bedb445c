// Static checks on the server bundle: Apps Script has no module system, no timers, no fetch and no window, so a
// reference to any of them is a bug that would only show in Google. Parsed, not grepped: strings, comments and
// property names (`x.process`) do not count.

import * as ts from 'typescript';

export const FORBIDDEN_GLOBALS = [
  'require',
  'process',
  'module',
  'exports',
  'setTimeout',
  'setInterval',
  'fetch',
  'window',
  'document',
  'Buffer',
  'global',
  'XMLHttpRequest',
] as const;

export interface BundleFinding {
  name: string;
  line: number;
  text: string;
}

/** Whether `name` is declared by `scope` itself (its parameters, or a var/let/const/function in its own body, not in
 *  a nested function): a reference inside it is then to that binding, not to the global. */
function declares(scope: ts.Node, name: string): boolean {
  if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name))
    return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node !== scope && ts.isFunctionLike(node)) {
      // A nested function's own name is declared in this scope; its insides are not.
      if (ts.isFunctionDeclaration(node) && node.name?.text === name) found = true;
      return;
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/** A reference to a local binding of the name (a library's own `var exports = {}`), not to the global. */
function isLocal(node: ts.Identifier): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent)
    if ((ts.isFunctionLike(p) || ts.isSourceFile(p)) && declares(p, node.text)) return true;
  return false;
}

export function findForbiddenReferences(code: string, fileName = 'Code.js'): BundleFinding[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2019, true, ts.ScriptKind.JS);
  const forbidden = new Set<string>(FORBIDDEN_GLOBALS);
  const findings: BundleFinding[] = [];
  const report = (node: ts.Node, name: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    findings.push({ name, line: line + 1, text: code.split('\n')[line].trim().slice(0, 120) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) report(node, 'import');
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) report(node, 'import');
    if (ts.isMetaProperty(node)) report(node, 'import');
    if (ts.isIdentifier(node) && forbidden.has(node.text)) {
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isPropertyAssignment(p) && p.name === node) ||
        (ts.isMethodDeclaration(p) && p.name === node) ||
        (ts.isPropertyDeclaration(p) && p.name === node) ||
        (ts.isGetAccessor(p) && p.name === node) ||
        (ts.isSetAccessor(p) && p.name === node);
      if (!isPropertyName && !isLocal(node)) report(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
