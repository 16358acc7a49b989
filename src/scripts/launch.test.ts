import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distIsCurrent, sourceDigest, STAMP_NAME } from '../../scripts/launch.cjs';

// The launcher runs dist/ without compiling only when it was compiled from the sources as they are now.

let root: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const record = () => write(`dist/${STAMP_NAME}`, `${sourceDigest(root)}\n`);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-'));
  write('src/main.ts', 'export const a = 1;\n');
  write('src/server/app.ts', 'export const b = 2;\n');
  write('migrations/Migration1_x.ts', 'export const m = 1;\n');
  write('tsconfig.json', '{}');
  write('package-lock.json', '{}');
  record();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('whether dist/ is current', () => {
  it('is, right after it was recorded', () => {
    expect(distIsCurrent(root)).toBe(true);
  });

  it('is not before anything was compiled', () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(distIsCurrent(root)).toBe(false);
  });

  it.each<[string, () => void]>([
    ['a source edited', () => write('src/main.ts', 'export const a = 2;\n')],
    ['a source added', () => write('src/modules/new.ts', 'export {};\n')],
    ['a source deleted', () => fs.rmSync(path.join(root, 'src/server/app.ts'))],
    ['a source renamed', () => fs.renameSync(path.join(root, 'src/server/app.ts'), path.join(root, 'src/server/app2.ts'))],
    ['a migration added', () => write('migrations/Migration2_y.ts', 'export {};\n')],
    ['a bench part added', () => write('bench/part.ts', 'export {};\n')],
    ['the compiler options changed', () => write('tsconfig.json', '{"compilerOptions":{}}')],
    ['the installed packages changed', () => write('package-lock.json', '{"v":2}')],
    [
      'an edit that keeps the old modification time',
      () => {
        const file = path.join(root, 'src/main.ts');
        const { atime, mtime } = fs.statSync(file);
        fs.writeFileSync(file, 'export const a = 3;\n');
        fs.utimesSync(file, atime, mtime);
      },
    ],
  ])('is not after %s', (_what, change) => {
    change();
    expect(distIsCurrent(root)).toBe(false);
  });

  it.each<[string, () => void]>([
    ['a test added or edited', () => write('src/main.test.ts', 'it("x", () => undefined);\n')],
    ['a source touched without a change', () => fs.utimesSync(path.join(root, 'src/main.ts'), new Date(), new Date())],
    ['the README edited', () => write('README.md', '# changed\n')],
  ])('still is after %s', (_what, change) => {
    change();
    expect(distIsCurrent(root)).toBe(true);
  });
});
