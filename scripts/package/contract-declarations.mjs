import ts from 'typescript';

/**
 * contract/'s API types are inferred from zod schemas (`type AgentRow = z.infer<typeof
 * agentRowSchema>`), so tsc declares them through zod: a host would need zod's types to read a
 * widget's `AgentRow`. The package's contract/*.d.ts instead spell each such type out as the
 * checker resolves it, and leave the schemas (runtime values no widget imports) and zod out;
 * plain constants (a length limit a widget's type refers to) stay.
 * Returns a function that rewrites tsc's declaration text of one contract file.
 */
export function contractDeclarations(program) {
  const checker = program.getTypeChecker();
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.MultilineObjectLiterals;
  const printer = ts.createPrinter();

  return (source, text) => {
    const aliases = new Map(program.getSourceFile(source).statements.filter(ts.isTypeAliasDeclaration).map((alias) => [alias.name.text, alias]));
    const declarations = ts.createSourceFile(source, text, ts.ScriptTarget.ES2022, true);
    const out = [];
    for (const statement of declarations.statements) {
      if (ts.isImportDeclaration(statement) && !statement.moduleSpecifier.text.startsWith('.')) continue;
      if (ts.isVariableStatement(statement) && /\bz\./.test(statement.getText())) continue;
      if (ts.isTypeAliasDeclaration(statement) && /\bz\.|\btypeof\b/.test(statement.type.getText())) {
        if (statement.typeParameters) throw new Error(`${source}: ${statement.name.text} is generic; spell it out in contract/ or teach this script`);
        const type = checker.getTypeAtLocation(aliases.get(statement.name.text).name);
        const docs = ts.getJSDocCommentsAndTags(statement).map((doc) => `${doc.getFullText().trim()}\n`).join('');
        const spelled = printer.printNode(ts.EmitHint.Unspecified, checker.typeToTypeNode(type, undefined, flags), declarations);
        out.push(`${docs}export type ${statement.name.text} = ${spelled};`);
        continue;
      }
      out.push(statement.getFullText().trim());
    }
    return `${out.join('\n')}\n`;
  };
}
