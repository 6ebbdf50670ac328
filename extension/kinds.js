// The kinds of finding newslens shows, their categories, labels and explanations:
// generated from src/catalogue.rs by `cargo xtask kinds`; do not edit (edit the catalogue).
'use strict';

globalThis.newslensKinds = (() => {
  const freeze = (value) => {
    if (value && typeof value === 'object') Object.values(value).forEach(freeze);
    return Object.freeze(value);
  };
  return freeze({
    categories: [
      {"id":"opinion","label":"Opinion markers"},
      {"id":"claim","label":"Claims"},
      {"id":"disclosure","label":"Disclosures"}
    ],
    kinds: [
      {"id":"hedge","category":"opinion","label":"Hedge","explanation":"Hedge: the writer signals uncertainty rather than stating a fact.","default_on":true,"confidence":0.75},
      {"id":"booster","category":"opinion","label":"Booster","explanation":"Booster: the writer presents a view as certain or beyond question.","default_on":true,"confidence":0.75},
      {"id":"stance","category":"opinion","label":"First-person stance","explanation":"First-person stance: the writer states their own view.","default_on":true,"confidence":0.9},
      {"id":"loaded","category":"opinion","label":"Loaded word","explanation":"Loaded word: evaluative language that carries a judgement.","default_on":true,"confidence":0.55},
      {"id":"speculation","category":"opinion","label":"Speculation","explanation":"Speculation: the writer guesses at what someone else feels or thinks.","default_on":true,"confidence":0.85},
      {"id":"rhetorical-question","category":"opinion","label":"Rhetorical question","explanation":"Rhetorical question: a question asked to make a point, not to get an answer.","default_on":true,"confidence":0.7},
      {"id":"scare-quote","category":"opinion","label":"Scare quotes","explanation":"Scare quotes: quotation marks around a word to cast doubt on it, not to quote anyone.","default_on":true,"confidence":0.6},
      {"id":"attributed-named","category":"claim","label":"Named source","explanation":"Sourced claim: a named source is given.","default_on":true,"confidence":0.9},
      {"id":"attributed-anonymous","category":"claim","label":"Anonymous source","explanation":"Anonymously sourced claim: the source is specific but unnamed.","default_on":true,"confidence":0.85},
      {"id":"vague","category":"claim","label":"Vague source","explanation":"Vaguely sourced claim: an unnamed many stands in for a source.","default_on":true,"confidence":0.7},
      {"id":"unattributed","category":"claim","label":"No source","explanation":"Unsourced claim: no source, quote or link backs this statement.","default_on":true,"confidence":0.6},
      {"id":"author-bio","category":"disclosure","label":"Author disclosure","explanation":"Author disclosure: who the writer is and whom they work for.","default_on":true,"confidence":0.9},
      {"id":"disclosure-statement","category":"disclosure","label":"Disclosure statement","explanation":"Disclosure statement: the writer's interests or the standing of their views.","default_on":true,"confidence":0.9},
      {"id":"sponsorship","category":"disclosure","label":"Sponsorship note","explanation":"Sponsorship note: someone paid for or partnered on this content.","default_on":true,"confidence":0.9}
    ],
  });
})();
