// The files generated from the catalogue of kinds (src/catalogue.rs), which the built
// extension holds (`cargo xtask build`) and the source tree never does. The Node tests read
// the copy in target/generated/, written here by `cargo xtask kinds` when it is missing or
// older than its sources, so a fresh clone runs `node --test tests/js/` with only the
// repository and the toolchain.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the generated files are made from: the catalogue and its export, and the kinds,
 *  which are declared beside the code that finds them, anywhere under src/ (build.rs). */
const SOURCES = ['src', 'build.rs'];

/** The newest modification time in the file or folder tree at `file` (-Infinity if absent). */
function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return -Infinity;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(-Infinity, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** The text of the generated file at `file`, its path inside the built extension. */
export function generated(file) {
  const copy = path.join(ROOT, 'target/generated', file);
  if (newest(copy) < Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))))) {
    execFileSync('cargo', ['run', '--quiet', '--package', 'xtask', '--', 'kinds'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return fs.readFileSync(copy, 'utf8');
}
