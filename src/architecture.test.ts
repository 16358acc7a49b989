import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every relative import and re-export of each file under src/, type-only ones included, as src-relative paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const deps: string[] = [];
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
      const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (!spec.startsWith('.')) continue;
      deps.push(path.relative(SRC, path.resolve(path.dirname(file), spec)) + '.ts');
    }
    graph.set(path.relative(SRC, file), deps);
  }
  return graph;
}

/** The import circles (strongly connected components of more than one file, or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the imports it checks', () => {
    expect(graph.get(path.join('server', 'schema.ts'))).toContain(path.join('modules', 'booking', 'booking.resolver.ts'));
  });

  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle where there is one', () => {
    const withCircle = new Map(graph);
    withCircle.set('core/context.ts', [...(graph.get('core/context.ts') ?? []), 'modules/booking/booking.loaders.ts']);
    expect(circles(withCircle).some((c) => c.includes('core/context.ts'))).toBe(true);
  });

  it('lets server/ import modules only where it composes the schema', () => {
    const reaching = [...graph]
      .filter(([file]) => file.startsWith(`server${path.sep}`) && file !== path.join('server', 'schema.ts'))
      .filter(([, deps]) => deps.some((d) => d.startsWith(`modules${path.sep}`)))
      .map(([file]) => file);
    expect(reaching).toEqual([]);
  });
});
