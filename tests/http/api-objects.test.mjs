// GET /api/v1/initiatives/{id} from the objects made ahead of time
// (api/objects.c): `wijzer init` makes them, a change is in the very next
// answer (made at once while the kept object is old), and the background
// job makes the object again, byte for byte what the API makes itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, api, show } from './lib.mjs';

const ctx = useServer({ env: { WIJZER_JOB_INTERVAL: '0.2' } });
const T = () => ctx.tokens;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// The answer once the job has made the object again (X-Object: kept).
async function kept(id) {
  for (let i = 0; i < 100; i++) {
    const r = await api(ctx, 'GET', `/initiatives/${id}`);
    assert.equal(r.status, 200, show(r));
    if (r.headers.get('x-object') === 'kept') return r;
    await sleep(100);
  }
  assert.fail(`object ${id} was not made again within 10 s`);
}

test('after wijzer init every demo initiative is answered from its kept object', async () => {
  const list = await api(ctx, 'GET', '/initiatives?per_page=100');
  assert.equal(list.status, 200, show(list));
  assert.ok(list.json.items.length > 10);
  for (const item of list.json.items) {
    const r = await api(ctx, 'GET', `/initiatives/${item.id}`);
    assert.equal(r.status, 200, show(r));
    assert.equal(r.headers.get('x-object'), 'kept', `initiative ${item.id}`);
    assert.match(r.headers.get('content-type'), /^application\/json; charset=utf-8/);
    assert.equal(r.json.id, item.id);
    assert.equal(r.json.title, item.title);
  }
});

test('a change shows in the next answer, and the object made again is the same text', async () => {
  const created = await api(ctx, 'POST', '/initiatives', {
    token: T().resident,
    json: {
      title: 'Boekenkast bij de bushalte',
      summary: 'Een kastje met boeken om te ruilen, voor iedereen die op de bus wacht.',
      area: 'bovenveen',
      themes: ['cultuur'],
      help_requests: [{ kind: 'materiaal', description: 'Een oude kast en verf' }],
    },
  });
  assert.equal(created.status, 201, show(created));
  const id = created.json.id;
  const first = await kept(id);
  assert.equal(first.json.title, 'Boekenkast bij de bushalte');

  const changed = await api(ctx, 'PATCH', `/initiatives/${id}`, { token: T().resident, json: { title: 'Ruilkast bij de bushalte' } });
  assert.equal(changed.status, 200, show(changed));
  const next = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(next.json.title, 'Ruilkast bij de bushalte', 'the very next answer has the change');

  const again = await kept(id);
  assert.equal(again.text, changed.text, 'the kept object is what the API made after the change');

  const help = await api(ctx, 'POST', `/initiatives/${id}/help-requests`, {
    token: T().resident, json: { kind: 'vrijwilligers', description: 'Twee buren die de kast vullen' },
  });
  assert.equal(help.status, 201, show(help));
  const withHelp = await api(ctx, 'GET', `/initiatives/${id}`);
  assert.equal(withHelp.json.help_requests.length, 2);
  const keptHelp = await kept(id);
  assert.equal(keptHelp.text, withHelp.text);
});

test('an initiative that does not exist is still a 404 in JSON', async () => {
  const r = await api(ctx, 'GET', '/initiatives/99999999');
  assert.equal(r.status, 404, show(r));
  assert.equal(r.headers.get('x-object'), null);
});
