// Runs once before the chain suite: compiles (or loads from .cache) the project's contracts and
// Symbiotic core. On a fresh checkout the Symbiotic viaIR compile takes ~100 s, which must not
// count against the beforeAll hook timeout of whichever test file starts the first devnet.
import { compileContracts } from '../../../lib/devnet/compile.js';
import { compileSymbiotic } from '../../../lib/devnet/symbiotic/compile-symbiotic.js';

export default function setup(): void {
  compileContracts();
  compileSymbiotic();
}
