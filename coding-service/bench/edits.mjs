// Edit-check benchmark for coding-service (see edits.sh and the service README).
//
//   node bench/edits.mjs N        N measured requests (default 1000), sent one at a time
//   BASE_URL  service to measure (default http://localhost:8081)
//   WARMUP    requests sent first and not counted, so the JIT and the connection pool are warm (default 200)
//   SEED      seed of the encounter generator, so two runs send the same encounters (default 42)
//
// Every encounter has 10 service lines built from real codes of the shipped tables (ncci_ptp_practitioner_2024Q3,
// ncci_mue_practitioner_2024Q3, ncci_addon_code_edits_2024-06, hcpcs_level2_2024Q3, icd10cm FY2024): PTP pairs
// with modifier indicator 1 (with and without a bypassing modifier) and 0, units over the MUE, add-on codes with
// and without their primary. Dates of service fall in 2024Q3, the quarter the shipped tables cover.

const N = Number.parseInt(process.argv[2] ?? '1000', 10);
const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8081').replace(/\/$/, '');
const WARMUP = Number.parseInt(process.env.WARMUP ?? '200', 10);
const SEED = Number.parseInt(process.env.SEED ?? '42', 10);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(WARMUP) || WARMUP < 0) {
  console.error('usage: edits.sh N   (N ≥ 1 measured requests; WARMUP ≥ 0)');
  process.exit(2);
}

// Deterministic PRNG (mulberry32): the same SEED sends the same encounters.
let state = SEED >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const chance = (p) => random() < p;
function shuffle(xs) {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// Encounter templates: an E/M plus the services that go with it. Each entry is [code, MUE units from
// ncci_mue_practitioner_2024Q3]. Pairs noted are rows of ncci_ptp_practitioner_2024Q3 (column 1/column 2, indicator).
const TEMPLATES = [
  {
    name: 'visit with injections and labs',
    // 96372/99213 (1), 93000 column 2 of several
    em: ['99213', '99214', '99215', '99204'],
    services: [['96372', 4], ['J3420', 1], ['J1885', 8], ['J1100', 120], ['J0696', 16], ['36415', 2],
      ['80053', 1], ['85025', 2], ['83036', 1], ['80061', 1], ['84443', 4], ['81002', 2], ['93000', 3], ['87880', 2]],
    diagnoses: ['E11.9', 'I10', 'E78.5', 'R73.03', 'E11.65', 'E66.9', 'E55.9', 'J06.9', 'R03.0'],
  },
  {
    name: 'dermatology procedures',
    // 11102/99213 (1), 11104/11102 (0), 17110/17000 (1), 15780/12001 (1); add-ons 11103 (11102, 11104), 17003 (17000), 11045 (11042)
    em: ['99213', '99214', '99203'],
    services: [['11102', 1], ['11103', 6], ['11104', 1], ['11105', 3], ['17000', 1], ['17003', 13], ['17110', 1],
      ['12001', 1], ['12002', 1], ['11042', 1], ['11045', 12], ['15780', 1], ['69210', 1], ['96372', 4]],
    diagnoses: ['L82.1', 'L57.0', 'D48.5', 'L98.8', 'L90.5', 'L72.3', 'B07.9', 'L03.115', 'S61.411A'],
  },
  {
    name: 'preventive visit with immunisations',
    // 90471/99214 (1), G0439/99213 (1), 99202/G0444 (1), 94010/94640 (1); add-ons 90472 (90471), 99498 (99497), 96160 (E/M)
    em: ['99214', '99213', 'G0439', '99202'],
    services: [['90471', 1], ['90472', 8], ['90715', 1], ['90686', 1], ['90732', 1], ['96160', 3], ['99497', 1],
      ['99498', 3], ['G0444', 1], ['94010', 1], ['94640', 4], ['99401', 0], ['93000', 3], ['36415', 2]],
    diagnoses: ['Z00.00', 'Z00.01', 'Z23', 'Z13.1', 'Z71.3', 'J45.909', 'I10', 'E78.5'],
  },
  {
    name: 'orthopaedic visit with joint injections and therapy',
    // 20610/99214 (1), 20611/20610 (1), 20553/20552 (0), 20610/76942 (1)
    em: ['99214', '99213', '99204'],
    services: [['20610', 2], ['20611', 2], ['20550', 5], ['20552', 1], ['20553', 1], ['76942', 1], ['97110', 6],
      ['97140', 6], ['97530', 6], ['97112', 4], ['96372', 4], ['J1100', 120], ['J1885', 8]],
    diagnoses: ['M17.11', 'M17.12', 'M25.561', 'M54.50', 'M75.101', 'M65.311', 'E11.9', 'I10'],
  },
];
const ADD_ON_PRIMARY = { '11103': '11102', '11105': '11104', '17003': '17000', '11045': '11042', '90472': '90471', '99498': '99497' };
const PLACES = ['11', '11', '11', '22', '19'];

function units(mue) {
  if (mue === 0) return 1;                 // e.g. 99401: MUE 0, any unit is over
  if (chance(0.08)) return mue + 1;        // over the MUE
  return 1 + Math.floor(random() * Math.min(mue, 3));
}

function encounter(i) {
  const t = pick(TEMPLATES);
  const services = shuffle(t.services).slice(0, 9);
  // Most of the time an add-on arrives with its primary; sometimes (an AOC finding) without.
  for (const [code] of [...services]) {
    const primary = ADD_ON_PRIMARY[code];
    if (primary && !services.some(([c]) => c === primary) && chance(0.7)) {
      const found = t.services.find(([c]) => c === primary);
      if (found) services[services.findIndex(([c]) => c !== code && !ADD_ON_PRIMARY[c])] = found;
    }
  }
  const diagnoses = shuffle(t.diagnoses).slice(0, 4);
  const pointer = () => [1 + Math.floor(random() * diagnoses.length)];
  const em = pick(t.em);
  const lines = [{ procedureCode: em, modifiers: chance(0.75) ? ['25'] : [], units: 1, diagnosisPointers: [1, 2], chargeAmount: '150.00' }];
  for (const [code, mue] of services) {
    const modifiers = chance(0.15) ? [pick(['59', 'XS', 'XU', 'LT', 'RT'])] : [];
    lines.push({ procedureCode: code, modifiers, units: units(mue), diagnosisPointers: pointer(),
      chargeAmount: (20 + Math.floor(random() * 400)).toFixed(0) + '.00' });
  }
  const day = 1 + Math.floor(random() * 92);            // 2024-07-01 … 2024-09-30
  const dos = new Date(Date.UTC(2024, 6, day)).toISOString().slice(0, 10);
  return {
    practiceId: 'bench-practice', externalId: `BENCH-${SEED}-${i}`, dateOfService: dos, placeOfService: pick(PLACES),
    patient: { firstName: 'Bench', lastName: 'Patient', dateOfBirth: '1961-05-17', sex: pick(['F', 'M']),
      address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' } },
    coverage: { payerId: 'SANDBOX-PPO', memberId: 'M123456789', relationship: 'self' },
    billingProvider: { npi: '1234567893', taxId: '123456789', name: 'Demo Clinic' },
    renderingProvider: { npi: '1245319599', firstName: 'Grace', lastName: 'Hopper' },
    diagnoses, serviceLines: lines,
  };
}

function serverEditMs(header) {
  const m = /(?:^|,)\s*edits;dur=([0-9.]+)/.exec(header ?? '');
  return m ? Number.parseFloat(m[1]) : null;
}

async function send(body) {
  const started = performance.now();
  const res = await fetch(`${BASE_URL}/api/v1/coding/edits`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${process.env.TOKEN}` },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  const rtt = performance.now() - started;
  return { status: res.status, rtt, server: serverEditMs(res.headers.get('server-timing')), json };
}

// Nearest-rank percentile.
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const row = (label, xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x) => x.toFixed(3).padStart(9);
  return `${label.padEnd(22)}${f(percentile(s, 50))}${f(percentile(s, 95))}${f(percentile(s, 99))}${f(s[s.length - 1])}`;
};

async function main() {
  try {
    const ready = await fetch(`${BASE_URL}/q/health/ready`);
    if (ready.status !== 200) {
      console.error(`${BASE_URL} is not ready (code sets still loading?): /q/health/ready answered ${ready.status}`);
      process.exit(1);
    }
  } catch (e) {
    console.error(`no coding-service at ${BASE_URL}: ${e.cause?.code ?? e.message}`);
    process.exit(1);
  }
  for (let i = 0; i < WARMUP; i++) {
    await send(encounter(-1 - i));
  }
  const server = [];
  const client = [];
  const rules = new Map();
  let held = 0;
  let failed = 0;
  for (let i = 0; i < N; i++) {
    const r = await send(encounter(i));
    if (r.status !== 200 || r.server === null) {
      failed++;
      if (failed <= 3) console.error(`request ${i}: HTTP ${r.status}${r.server === null ? ', no Server-Timing edits' : ''}: ${JSON.stringify(r.json).slice(0, 300)}`);
      continue;
    }
    server.push(r.server);
    client.push(r.rtt);
    if (r.json.status === 'NEEDS_REVIEW') held++;
    for (const f of r.json.findings) rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
  }
  console.log(`coding edits benchmark: ${N} dry-run requests of 10-line encounters, one at a time, after ${WARMUP} warm-up; ${BASE_URL}; seed ${SEED}`);
  if (server.length === 0) {
    console.error('no successful request');
    process.exit(1);
  }
  console.log(`${''.padEnd(22)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}   (ms)`);
  console.log(row('server edits;dur', server));
  console.log(row('client round trip', client));
  console.log(`held (NEEDS_REVIEW): ${held} of ${server.length}; findings by rule: ` +
    [...rules.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
  if (failed > 0) {
    console.error(`${failed} request(s) failed`);
    process.exit(1);
  }
}

main();
