import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const TRANSITION_FILE = path.join('modules', 'booking', 'booking-transition.ts');
const BOOKING_CLASSES = new Set(['Booking', 'PhysicalBooking', 'DigitalBooking']);
// A write of booking.status in SQL: an UPDATE of the booking table whose SET names the status column.
const SQL_STATUS_WRITE = /update\s+"?booking"?\s+(?:as\s+\w+\s+)?set\b[^;]*?\bstatus"?\s*=/i;

/**
 * True when `type` is a booking entity, by its class or the classes it extends; a union or an intersection holding
 * one (the ORM's `Loaded<Booking>` is an intersection) counts too.
 */
function isBookingType(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.some((t) => isBookingType(checker, t));
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    if (t.getSymbol() && BOOKING_CLASSES.has(t.getSymbol()!.getName())) return true;
    return (t.isClassOrInterface() ? checker.getBaseTypes(t) : []).some(visit);
  };
  return visit(type);
}

/**
 * True when `node` makes a new booking entity (`new PhysicalBooking()`, or either of two such): the status given to a
 * booking being made (from its row as read, say) is its first, not a change of one.
 */
function isNewBooking(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isNewBooking(node.expression);
  if (ts.isConditionalExpression(node)) return isNewBooking(node.whenTrue) && isNewBooking(node.whenFalse);
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && BOOKING_CLASSES.has(node.expression.text);
}

/**
 * Every place under src/ outside booking-transition.ts that writes a booking's status: an assignment to `.status` of
 * something typed as a booking, an object with a `status` key handed to the ORM's assign or nativeUpdate (or
 * Object.assign) for a booking other than one being made there, or SQL that updates the booking table's status; as
 * "file:line text".
 */
function bookingStatusWrites(files: string[]): string[] {
  // The project's own compiler options, so that the ORM's types resolve (an unresolved type is `any` and hides a write).
  const configFile = path.join(SRC, '..', 'tsconfig.json');
  const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, path.dirname(configFile));
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const relative = path.relative(SRC, file);
    if (relative === TRANSITION_FILE) continue;
    const source = program.getSourceFile(file)!;
    const report = (node: ts.Node) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative}:${line + 1} ${node.getText(source).split('\n')[0]}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        const target = node.left;
        const named =
          (ts.isPropertyAccessExpression(target) && target.name.text === 'status') ||
          (ts.isElementAccessExpression(target) && ts.isStringLiteral(target.argumentExpression) && target.argumentExpression.text === 'status');
        if (named && isBookingType(checker, checker.getTypeAtLocation((target as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression))) report(node);
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['assign', 'nativeUpdate'].includes(node.expression.name.text)) {
        const setsStatus = node.arguments.some((a) => ts.isObjectLiteralExpression(a) && a.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'status'));
        const onBooking = node.arguments.some((a) => isBookingType(checker, checker.getTypeAtLocation(a)) || (ts.isIdentifier(a) && BOOKING_CLASSES.has(a.text)));
        const making = node.arguments.length > 0 && isNewBooking(node.arguments[0]);
        if (setsStatus && onBooking && !making) report(node);
      }
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && SQL_STATUS_WRITE.test(node.getText(source))) report(node);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("a booking's status", () => {
  it('changes only through transition() in booking-transition.ts', () => {
    expect(bookingStatusWrites(sourceFiles(SRC))).toEqual([]);
  });

  it('is caught when written anywhere else', () => {
    // Outside src/, so that nothing else that reads src/ meets it; it imports the real entity by its full path.
    const dir = mkdtempSync(path.join(tmpdir(), 'status-probe-'));
    const probe = path.join(dir, 'probe.ts');
    const booking = (name: string) => JSON.stringify(path.join(SRC, 'modules', 'booking', name));
    try {
      writeFileSync(
        probe,
        [
          `import { BookingStatus } from ${booking('booking-status')};`,
          `import { PhysicalBooking } from ${booking('booking.entity')};`,
          'export function probe(b: PhysicalBooking, em: { nativeUpdate(...a: unknown[]): void }): string {',
          '  b.status = BookingStatus.RELEASED;',
          '  em.nativeUpdate(PhysicalBooking, { id: b.id }, { status: BookingStatus.EXPIRED });',
          "  const sql = `update booking set status = 'EXPIRED' where id = ?`;",
          '  Object.assign(b, { status: BookingStatus.CANCELLED });',
          '  Object.assign(new PhysicalBooking(), { status: BookingStatus.OPTION });',
          '  return sql;',
          '}',
          '',
        ].join('\n'),
      );
      const writes = bookingStatusWrites([probe]).map((w) => w.replace(/^.*probe\.ts:/, ''));
      expect(writes).toEqual([
        '4 b.status = BookingStatus.RELEASED',
        '5 em.nativeUpdate(PhysicalBooking, { id: b.id }, { status: BookingStatus.EXPIRED })',
        "6 `update booking set status = 'EXPIRED' where id = ?`",
        '7 Object.assign(b, { status: BookingStatus.CANCELLED })',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
