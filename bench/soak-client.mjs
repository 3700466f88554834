// The soak's own client, for what wrk cannot do: remember every write the
// server acknowledged, then check after a crash or an outage that each one
// is there.
//
//   node bench/soak-client.mjs write  BASE TOKEN IDS SECONDS [CONNS]
//       creates initiatives as fast as CONNS connections allow; each id
//       answered 201 is appended to the file IDS the moment the answer
//       arrives. Stops after SECONDS, or when the server is gone.
//   node bench/soak-client.mjs mixed  BASE TOKEN IDS SECONDS [CONNS]
//       reads and creates for SECONDS, through an outage of the database:
//       counts the answers by status, checks that every 503 has a
//       Retry-After, and writes a JSON summary to stdout.
//   node bench/soak-client.mjs check  BASE IDS
//       fetches every id in IDS; prints how many are present and exits 1
//       if any is missing.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';

const [mode, base, ...rest] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function request(method, path, { token, body } = {}) {
  return new Promise((resolve) => {
    const url = new URL(path, base);
    const data = body ? JSON.stringify(body) : null;
    const req = http.request(url, {
      method,
      agent,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}),
      },
      timeout: 15000,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', (e) => resolve({ status: 0, error: e.code || e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, error: e.code || e.message }));
    if (data) req.write(data);
    req.end();
  });
}

let serial = 0;
function newInitiative() {
  serial++;
  return {
    title: `Soak ${process.pid}-${serial}: buurtmoestuin aan de Vliet`,
    summary: 'Buren maken samen een moestuin; dit initiatief komt van de belastingproef.',
    description: 'Gemaakt door bench/soak-client.mjs.',
    area: 'bovenveen',
    themes: ['groen'],
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function write([token, ids, seconds, conns = '32']) {
  writeFileSync(ids, '');
  const end = Date.now() + Number(seconds) * 1000;
  let ok = 0, failed = 0, gone = 0;
  async function worker() {
    while (Date.now() < end && gone < 50) {
      const body = newInitiative();
      const res = await request('POST', '/api/v1/initiatives', { token, body });
      if (res.status === 201) {
        const id = JSON.parse(res.body).id;
        appendFileSync(ids, `${id}\t${body.title}\n`); // synchronous: on disk before the next request
        ok++;
      } else if (res.status === 0) {
        gone++;
        await sleep(20);
      } else {
        failed++;
      }
    }
  }
  await Promise.all(Array.from({ length: Number(conns) }, worker));
  console.log(JSON.stringify({ acknowledged: ok, refused: failed, connection_errors: gone }));
}

async function mixed([token, ids, seconds, conns = '16']) {
  writeFileSync(ids, '');
  const end = Date.now() + Number(seconds) * 1000;
  const byStatus = {};
  let noRetryAfter = 0, maxId = 1;
  const timeline = []; // [ms since start, status] of every answer, to see when the outage began and ended
  const t0 = Date.now();
  async function worker() {
    while (Date.now() < end) {
      let res;
      const r = Math.random();
      if (r < 0.5) {
        const body = newInitiative();
        res = await request('POST', '/api/v1/initiatives', { token, body });
        if (res.status === 201) {
          const id = JSON.parse(res.body).id;
          maxId = Math.max(maxId, id);
          appendFileSync(ids, `${id}\t${body.title}\n`);
        }
      } else if (r < 0.8) {
        res = await request('GET', `/api/v1/initiatives/${1 + Math.floor(Math.random() * maxId)}`);
      } else {
        res = await request('GET', '/initiatieven');
      }
      const key = res.status ? String(res.status) : `error ${res.error}`;
      byStatus[key] = (byStatus[key] || 0) + 1;
      if (res.status === 503 && !res.headers['retry-after']) noRetryAfter++;
      timeline.push([Date.now() - t0, res.status]);
      if (res.status !== 200 && res.status !== 201) await sleep(25);
    }
  }
  await Promise.all(Array.from({ length: Number(conns) }, worker));
  // The last moment of trouble and the first success after it.
  let lastBad = -1;
  timeline.forEach(([t, s]) => { if (s !== 200 && s !== 201 && s !== 404) lastBad = t; });
  const recovered = timeline.find(([t, s]) => t > lastBad && (s === 200 || s === 201));
  console.log(JSON.stringify({ by_status: byStatus, missing_retry_after: noRetryAfter, last_failure_ms: lastBad,
                               first_success_after_ms: recovered ? recovered[0] : null }));
}

async function check([ids]) {
  const lines = readFileSync(ids, 'utf8').split('\n').filter(Boolean);
  let present = 0;
  const missing = [];
  for (let i = 0; i < lines.length; i += 32) {
    await Promise.all(lines.slice(i, i + 32).map(async (line) => {
      const [id, title] = line.split('\t');
      const res = await request('GET', `/api/v1/initiatives/${id}`);
      if (res.status === 200 && JSON.parse(res.body).title === title) present++;
      else missing.push(id);
    }));
  }
  console.log(JSON.stringify({ acknowledged: lines.length, present, missing: missing.slice(0, 20) }));
  process.exitCode = missing.length ? 1 : 0;
}

const modes = { write, mixed, check };
if (!modes[mode]) {
  console.error('usage: soak-client.mjs write|mixed|check BASE …');
  process.exit(2);
}
await modes[mode](rest);
agent.destroy();
