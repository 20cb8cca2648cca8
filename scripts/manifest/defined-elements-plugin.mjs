// The widgets register their tags through defineElement('fv-…', Class) in each define.ts (a guarded
// customElements.define the analyzer does not recognise): this records each such call as the
// custom-element-definition the analyzer would have made, so the class gets its tagName.
import { posix } from 'node:path';

/** The module a named import in `sourceFile` comes from, as a manifest module path (`widgets/x/y.ts`). */
function importedModule(ts, sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name)) continue;
    const target = posix.join(posix.dirname(sourceFile.fileName), statement.moduleSpecifier.text);
    return target.replace(/\.js$/, '.ts');
  }
  return sourceFile.fileName;
}

export function definedElementsPlugin() {
  return {
    name: 'floorview-defined-elements',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: element.text, module: importedModule(ts, node.getSourceFile(), element.text) },
      });
    },
  };
}
