import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * What the package promises a host, checked on the files it ships: every module and declaration
 * imports only the package's own files and its declared dependencies (no server code, no zod, no
 * path into the repository), and the declarations type-check on their own. Throws, naming each fault.
 */
export function checkPackage(dir, pkg) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|d\.ts)$/.test(f));
  const packages = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const faults = [];
  for (const file of files) {
    if (!pkg.files.some((shipped) => file.startsWith(`${shipped}/`))) faults.push(`${file} is outside the package's files`);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(join(dir, file), 'utf8'), true, true).importedFiles) {
      if (specifier.startsWith('.')) {
        const target = relative(dir, resolve(dir, dirname(file), specifier));
        const shipped = [target, target.replace(/\.js$/, '.d.ts')].some((f) => files.includes(f));
        if (target.startsWith('..') || !shipped) faults.push(`${file} imports ${specifier}, not a file of the package`);
      } else if (!packages.some((name) => specifier === name || specifier.startsWith(`${name}/`))) {
        faults.push(`${file} imports ${specifier}, not a dependency of the package`);
      }
    }
  }
  const declarations = files.filter((f) => f.endsWith('.d.ts')).map((f) => join(dir, f));
  const program = ts.createProgram(declarations, { strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
  for (const file of declarations) {
    for (const d of program.getSemanticDiagnostics(program.getSourceFile(file))) faults.push(`${file}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  if (faults.length) throw new Error(`dist/package is not what it promises:\n  ${faults.join('\n  ')}`);
}
