// What the analyzer cannot see without a type checker, asked of one (the repository's TypeScript and
// tsconfig): a property typed by a name (`view: AgentListView`) gets its values written out when it
// is a choice of literals (`"list" | "queue"`), and an event class's constructor parameter properties
// (`constructor(readonly agentId: string)`, what a listener reads) become its fields.
import { relative } from 'node:path';
import ts from 'typescript';

/** One program over the widgets, made once per run. */
function widgetProgram(entry) {
  const config = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, process.cwd());
  return ts.createProgram([entry], options);
}

const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null;
const NOT_A_CHOICE = ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null;

/** `"a" | "b" | undefined` for a union of literals (through any alias), else null (`boolean` is no choice to spell out). */
function literalChoice(checker, type) {
  if (!type.isUnion() || !type.types.every((t) => t.flags & LITERAL) || type.types.every((t) => t.flags & NOT_A_CHOICE)) return null;
  // Each value on its own: the union as a whole would print as the alias it was written with. `undefined` and `null` last.
  const values = [...type.types].sort((a, b) => (a.flags & NOT_A_CHOICE ? 1 : 0) - (b.flags & NOT_A_CHOICE ? 1 : 0));
  return values.map((t) => checker.typeToString(t)).join(' | ');
}

function typeText(checker, node) {
  const type = checker.getTypeAtLocation(node);
  return literalChoice(checker, type) ?? (node.type ? node.type.getText() : checker.typeToString(type));
}

/** The field JSDoc's text, for a parameter property. */
const jsDocText = (node) => ts.getJSDocCommentsAndTags(node).map((doc) => (ts.isJSDoc(doc) ? ts.getTextOfJSDocComment(doc.comment) : '')).join(' ').trim();

/** What the checker says about one class: literal-choice types by field name, and parameter properties. */
function classFacts(checker, declaration) {
  const choices = new Map();
  const parameterFields = [];
  for (const member of declaration.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
      const text = literalChoice(checker, checker.getTypeAtLocation(member));
      if (text) choices.set(member.name.text, text);
    }
    if (!ts.isConstructorDeclaration(member)) continue;
    for (const parameter of member.parameters) {
      if (!ts.isParameterPropertyDeclaration(parameter, member) || !ts.isIdentifier(parameter.name)) continue;
      const modifiers = ts.getCombinedModifierFlags(parameter);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      const description = jsDocText(parameter);
      parameterFields.push({
        kind: 'field',
        name: parameter.name.text,
        type: { text: typeText(checker, parameter) },
        ...(modifiers & ts.ModifierFlags.Readonly ? { readonly: true } : {}),
        ...(description ? { description } : {}),
      });
    }
  }
  return { choices, parameterFields };
}

/**
 * The facts of every class in the program, by `path#Class`, asked in the program's own file order: the
 * checker orders a union's members as it first meets them, so asking in the analyzer's order (which
 * varies with how its file reads finish, seen under load) spelled `"name" | "queues"` either way round.
 */
function programFacts(entry) {
  const program = widgetProgram(entry);
  const checker = program.getTypeChecker();
  const facts = new Map();
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile) continue;
    const path = relative(process.cwd(), source.fileName);
    for (const statement of source.statements) {
      if (ts.isClassDeclaration(statement) && statement.name) facts.set(`${path}#${statement.name.text}`, classFacts(checker, statement));
    }
  }
  return facts;
}

export function resolvedTypesPlugin({ entry = 'widgets/floorview.ts' } = {}) {
  let facts;
  return {
    name: 'floorview-resolved-types',
    // The analyzer's nodes come from its own TypeScript (`analyzerTs`, another version): they are matched
    // to the program's by file and name.
    analyzePhase() {
      facts ??= programFacts(entry);
    },
    // After the module's analysis: the Lit plugin has made the attributes by then.
    moduleLinkPhase({ moduleDoc }) {
      for (const doc of moduleDoc.declarations ?? []) {
        const known = facts.get(`${moduleDoc.path}#${doc.name}`);
        if (!known) continue;
        for (const item of [...(doc.members ?? []), ...(doc.attributes ?? [])]) {
          const text = known.choices.get(item.kind === 'field' ? item.name : item.fieldName);
          if (text && item.type) item.type = { text };
        }
        doc.members = [...(doc.members ?? []), ...known.parameterFields];
      }
    },
  };
}
