// The people of the load test (issue 8): each simulated user has an account of their own, logs
// in, and loops over what their role does, with a person's pause between actions. Coordinators
// enter data (observations) and answer data queries; investigators grade adverse events (CTCAE
// from a lab reading, ASTCT CRS and ICANS from findings) and read records and the dashboard;
// monitors read (status, dashboard, records, audit trails), raise queries and close answered
// ones. Queries pass from monitor to coordinator to monitor through in-memory queues, so no two
// people act on the same query: every request sent is one the API must accept, and any failure
// counts as an error. Every acknowledged write is kept for the check after the run.
import { type HttpUser, loginAs, request } from '../src/server/fault-server.ts';
import { createFastRandom } from '../src/domain/random/index.ts';

export type RoleName = 'coordinator' | 'investigator' | 'monitor';

/** A write the server acknowledged: the row it made or changed, and what it must hold. */
export interface AckedWrite {
  readonly table: 'observation' | 'adverse_event' | 'data_query';
  readonly id: string;
  /** For changes of an existing row: the status the row must have (or have passed). */
  readonly status?: 'answered' | 'closed';
}

export interface LoadStats {
  /** Latencies in ms, per role and per action (`role action`). */
  readonly latency: Map<string, number[]>;
  /** Failed requests: the problem's code, and its first issue's code when it has one. */
  readonly errors: { readonly role: RoleName; readonly action: string; readonly status: number; readonly code: string }[];
  readonly acked: AckedWrite[];
}

export interface LoadWorld {
  readonly base: string;
  readonly study: string;
  /** Every subject of the site (id), and the dosed ones, to whom adverse events happen. */
  readonly subjects: readonly string[];
  readonly dosed: readonly string[];
  /** Observation ids to raise queries on and read audit trails of (grows as data is entered). */
  readonly observations: string[];
  readonly openQueries: string[];
  readonly answeredQueries: string[];
  readonly stats: LoadStats;
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

type Step = (who: HttpUser, rng: () => number) => Promise<void>;

/** Sends one request, timing it; a failure is recorded and ends the action. */
async function timed(world: LoadWorld, role: RoleName, action: string, who: HttpUser, method: string, path: string, body?: unknown): Promise<unknown> {
  const start = performance.now();
  let answer: { status: number; body: unknown };
  try {
    answer = await request(world.base, who, method, path, body);
  } catch (error) {
    answer = { status: 0, body: { code: String((error as Error).message) } };
  }
  const ms = performance.now() - start;
  const key = `${role} ${action}`;
  const list = world.stats.latency.get(key) ?? [];
  list.push(ms);
  world.stats.latency.set(key, list);
  if (answer.status < 200 || answer.status >= 300) {
    const problem = answer.body as { code?: unknown; issues?: { code?: unknown }[] } | null;
    const issue = problem?.issues?.[0]?.code;
    world.stats.errors.push({ role, action, status: answer.status, code: `${String(problem?.code ?? '')}${issue && issue !== problem?.code ? ` ${String(issue)}` : ''}` });
    return undefined;
  }
  return answer.body;
}

const labs = [
  { ctcae: 'neutrophil-count-decreased', term: 'Neutrophil count decreased', reading: (r: () => number) => ({ value: { value: 0.8 + r(), unit: '10^9/L' }, lln: 2 }) },
  { ctcae: 'platelet-count-decreased', term: 'Platelet count decreased', reading: (r: () => number) => ({ value: { value: 60 + Math.round(r() * 60), unit: '10^9/L' }, lln: 150 }) },
  { ctcae: 'alanine-aminotransferase-increased', term: 'ALT increased', reading: (r: () => number) => ({ value: { value: 50 + Math.round(r() * 80), unit: 'U/L' }, uln: 40 }) },
] as const;

function steps(world: LoadWorld, role: RoleName): [number, string, Step][] {
  const t = (action: string, who: HttpUser, method: string, path: string, body?: unknown) => timed(world, role, action, who, method, path, body);
  const readRecord: Step = async (who, rng) => {
    await t('read subject', who, 'GET', `/api/subjects/${pick(rng, world.subjects)}`);
  };
  const status: Step = async (who) => {
    await t('trial status', who, 'GET', `/api/studies/${world.study}/status`);
  };
  const dashboard: Step = async (who) => {
    await t('dashboard', who, 'GET', `/api/studies/${world.study}/dashboard`);
  };
  if (role === 'coordinator')
    return [
      [
        45,
        'enter observation',
        async (who, rng) => {
          const vital = rng() < 0.5;
          const body = vital
            ? { kind: 'vital', code: 'weight', valueNum: Math.round(500 + rng() * 300) / 10, unit: 'kg', observedAt: '2026-06-01' }
            : { kind: 'lab', code: 'creatinine', valueNum: Math.round(50 + rng() * 60), unit: 'µmol/L', refLow: 45, refHigh: 84, observedAt: '2026-06-01' };
          const made = (await t('enter observation', who, 'POST', `/api/subjects/${pick(rng, world.subjects)}/observations`, body)) as { id: string } | undefined;
          if (made) {
            world.stats.acked.push({ table: 'observation', id: made.id });
            world.observations.push(made.id);
          }
        },
      ],
      [20, 'list subjects', async (who) => void (await t('list subjects', who, 'GET', `/api/subjects?study=${world.study}`))],
      [20, 'read subject', readRecord],
      [
        10,
        'answer query',
        async (who) => {
          const id = world.openQueries.shift();
          if (!id) return void (await t('list queries', who, 'GET', `/api/queries?study=${world.study}&status=open`));
          const done = await t('answer query', who, 'POST', `/api/queries/${id}/answer`, { answer: 'Checked against the source document: the value is correct.' });
          if (done) {
            world.stats.acked.push({ table: 'data_query', id, status: 'answered' });
            world.answeredQueries.push(id);
          }
        },
      ],
      [5, 'trial status', status],
    ];
  if (role === 'investigator')
    return [
      [
        35,
        'grade adverse event',
        async (who, rng) => {
          const kind = rng();
          const subject = pick(rng, world.dosed);
          const common = { onsetDate: '2026-11-20', relatedness: pick(rng, ['not-related', 'unlikely', 'possible'] as const) };
          let body: object;
          if (kind < 0.6) {
            const lab = pick(rng, labs);
            body = { ...common, term: lab.term, grading: 'ctcae', basis: { ctcae: lab.ctcae, reading: lab.reading(rng) } };
          } else if (kind < 0.85) {
            body = { ...common, term: 'Cytokine release syndrome', grading: 'astct-crs', basis: { findings: { syndrome: 'crs', findings: { feverC: 38 + Math.round(rng() * 15) / 10, hypotension: 'none', oxygen: 'none' } } } };
          } else {
            // ICE 3–9: grade 2 or 1 (an ICE of 10 is no ICANS, which the API rightly refuses as an event).
            body = { ...common, term: 'ICANS', grading: 'astct-icans', basis: { findings: { syndrome: 'icans', findings: { ice: 3 + Math.floor(rng() * 7), consciousness: 'awake' } } } };
          }
          const made = (await t('grade adverse event', who, 'POST', `/api/subjects/${subject}/adverse-events`, body)) as { event: { id: string } } | undefined;
          if (made) world.stats.acked.push({ table: 'adverse_event', id: made.event.id });
        },
      ],
      [30, 'read subject', readRecord],
      [20, 'dashboard', dashboard],
      [15, 'recommendation', async (who) => void (await t('recommendation', who, 'GET', `/api/studies/${world.study}/recommendation`))],
    ];
  return [
    [30, 'trial status', status],
    [20, 'dashboard', dashboard],
    [20, 'read subject', readRecord],
    [
      10,
      'read audit trail',
      async (who, rng) => {
        if (world.observations.length === 0) return readRecord(who, rng);
        await t('read audit trail', who, 'GET', `/api/records/observation/${pick(rng, world.observations)}/audit`);
      },
    ],
    [
      15,
      'raise query',
      async (who, rng) => {
        if (world.observations.length === 0) return status(who, rng);
        const rowId = pick(rng, world.observations);
        const made = (await t('raise query', who, 'POST', '/api/queries', { study: world.study, table: 'observation', rowId, text: 'Please confirm this value against the source document.' })) as { id: string } | undefined;
        if (made) {
          world.stats.acked.push({ table: 'data_query', id: made.id });
          world.openQueries.push(made.id);
        }
      },
    ],
    [
      5,
      'close query',
      async (who) => {
        const id = world.answeredQueries.shift();
        if (!id) return void (await t('list queries', who, 'GET', `/api/queries?study=${world.study}&status=answered`));
        if (await t('close query', who, 'POST', `/api/queries/${id}/close`)) world.stats.acked.push({ table: 'data_query', id, status: 'closed' });
      },
    ],
  ];
}

/**
 * One logged-in person until `deadline`: act, then pause (a think time drawn between
 * `thinkMs[0]` and `thinkMs[1]`), as a person clicking through the app does.
 */
export async function person(world: LoadWorld, who: HttpUser, role: RoleName, seed: number, deadline: number, thinkMs: readonly [number, number]): Promise<void> {
  // Seeded, so a run's choices can be repeated.
  const rng = createFastRandom(seed).next;
  const choices = steps(world, role);
  const total = choices.reduce((sum, [weight]) => sum + weight, 0);
  // Start spread over the first think time, as people do not all click at once.
  await new Promise((r) => setTimeout(r, rng() * thinkMs[1]));
  while (Date.now() < deadline) {
    let x = rng() * total;
    let chosen = choices[0]!;
    for (const choice of choices) {
      chosen = choice;
      x -= choice[0];
      if (x < 0) break;
    }
    await chosen[2](who, rng);
    await new Promise((r) => setTimeout(r, thinkMs[0] + rng() * (thinkMs[1] - thinkMs[0])));
  }
}

/**
 * Creates the accounts (as the demo's administrator), `counts` people per role at the demo's
 * site, and logs each in.
 */
export async function createAccounts(base: string, admin: HttpUser, study: string, site: string, counts: Record<RoleName, number>, password: string): Promise<{ who: HttpUser; role: RoleName }[]> {
  const people: { username: string; role: RoleName }[] = [];
  for (const role of ['coordinator', 'investigator', 'monitor'] as const)
    for (let i = 1; i <= counts[role]; i++) people.push({ username: `load.${role.slice(0, 3)}${String(i).padStart(3, '0')}`, role });
  // A few at a time: each account's password is hashed (scrypt), which is meant to be slow.
  for (let i = 0; i < people.length; i += 4)
    await Promise.all(
      people.slice(i, i + 4).map(async ({ username, role }) => {
        const made = await request(base, admin, 'POST', '/api/users', { username, fullName: `Load ${username}`, password });
        if (made.status !== 201) throw new Error(`create ${username}: ${made.status} ${JSON.stringify(made.body)}`);
        const granted = await request(base, admin, 'POST', `/api/users/${username}/roles`, { study, ...(role === 'monitor' ? {} : { site }), role });
        if (granted.status !== 201) throw new Error(`grant ${username}: ${granted.status} ${JSON.stringify(granted.body)}`);
      }),
    );
  const logged: { who: HttpUser; role: RoleName }[] = [];
  for (let i = 0; i < people.length; i += 4) logged.push(...(await Promise.all(people.slice(i, i + 4).map(async ({ username, role }) => ({ who: await loginAs(base, username, password), role })))));
  return logged;
}
