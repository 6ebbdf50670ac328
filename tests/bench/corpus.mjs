// Real article text from ../shared/data for the benchmarks: the Zyte benchmark's gold
// article bodies, then SemEval-2020 Task 11 sentences, up to the requested size.
import fs from 'node:fs';

export function articleText(bytes) {
  const files = [
    '../shared/data/zyte_article_extraction/ground_truth.jsonl',
    '../shared/data/semeval2020_task11_ptc/sentences.jsonl',
  ];
  const parts = [];
  let size = 0;
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const part = `${JSON.parse(line).text}\n`;
      parts.push(part);
      size += Buffer.byteLength(part);
      if (size >= bytes) return parts.join('');
    }
  }
  return parts.join('');
}
