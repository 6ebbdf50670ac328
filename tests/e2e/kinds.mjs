// The kinds catalogue (extension/kinds.js, generated from src/catalogue.rs), read in Node
// as the extension reads it: what the checks expect follows the catalogue.
import fs from 'node:fs';
import vm from 'node:vm';

const source = fs.readFileSync(new URL('../../extension/kinds.js', import.meta.url), 'utf8');
/** `{ categories: [{ id, label }], kinds: [{ id, category, label, explanation, … }] }`. */
export const catalogue = vm.runInNewContext(`${source}; newslensKinds`);

/** The ids of the kinds of `category`, in the catalogue's order. */
export const kindsOf = (category) => catalogue.kinds.filter((k) => k.category === category).map((k) => k.id);
