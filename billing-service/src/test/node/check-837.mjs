// Independent cross-check of an 837P that billing-service wrote: node-x12 (not our StAEDI code) parses the
// file in strict mode and prints its control numbers and the real segment count of the transaction set.
// Usage: node check-837.mjs <file>   (run `npm ci` in this folder first)
// Prints {isa13, iea02, gs06, ge02, st02, se02, se01, segmentCount} for the first transaction set, plus
// `transactions` with the same fields for every set. Exit 1 with a message on stderr when it cannot parse.
import { readFileSync } from 'node:fs';
import x12 from 'node-x12';

const { X12Parser } = x12;
const file = process.argv[2];
if (!file) {
  console.error('usage: node check-837.mjs <837 file>');
  process.exit(2);
}

try {
  const interchange = new X12Parser(true).parse(readFileSync(file, 'ascii'));
  const transactions = [];
  for (const group of interchange.functionalGroups) {
    for (const tx of group.transactions) {
      transactions.push({
        isa13: interchange.header.valueOf(13),
        iea02: interchange.trailer.valueOf(2),
        gs06: group.header.valueOf(6),
        ge02: group.trailer.valueOf(2),
        st02: tx.header.valueOf(2),
        se02: tx.trailer.valueOf(2),
        se01: tx.trailer.valueOf(1),
        // ST and SE count too (X12.5: SE01 is the number of segments from ST to SE inclusive).
        segmentCount: tx.segments.length + 2,
      });
    }
  }
  if (transactions.length === 0) {
    throw new Error('no transaction set');
  }
  console.log(JSON.stringify({ ...transactions[0], transactions }));
} catch (e) {
  console.error(`node-x12 could not read ${file}: ${e.message}`);
  process.exit(1);
}
