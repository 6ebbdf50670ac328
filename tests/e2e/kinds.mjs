// The kinds catalogue (kinds.js, generated from src/catalogue.rs into the built extension),
// read in Node as the extension under test reads it: what the checks expect follows the
// catalogue.
import fs from 'node:fs';
import vm from 'node:vm';

const source = fs.readFileSync(new URL('../../target/dist/chrome/kinds.js', import.meta.url), 'utf8');
/** `{ categories: [{ id, label, kinds: [ids] }], kinds: [{ id, category, label, explanation, … }] }`. */
export const catalogue = vm.runInNewContext(`${source}; newslensKinds`);

/** The ids of the kinds of `category`, in the catalogue's order. */
export const kindsOf = (category) => catalogue.categories.find((c) => c.id === category).kinds;
